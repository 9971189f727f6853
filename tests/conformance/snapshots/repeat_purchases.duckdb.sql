WITH "t1" AS (
  SELECT
    *
  FROM "journey_events" AS "t0"
  WHERE
    "t0"."unit" IS NOT NULL AND "t0"."label" = 'order_completed'
)
SELECT
  "t8"."purchasers",
  "t8"."purchases",
  "t8"."repeat_purchasers",
  "t8"."repeat_rate",
  "t8"."mean_purchases",
  "t13"."median_days_between"
FROM (
  SELECT
    "t5"."purchasers",
    "t5"."purchases",
    "t5"."repeat_purchasers",
    "t5"."repeat_purchasers" / NULLIF("t5"."purchasers", 0) AS "repeat_rate",
    "t5"."purchases" / NULLIF("t5"."purchasers", 0) AS "mean_purchases"
  FROM (
    SELECT
      COUNT(*) AS "purchasers",
      COALESCE(SUM("t3"."_n"), 0) AS "purchases",
      COALESCE(SUM(CASE WHEN "t3"."_n" >= 2 THEN 1 ELSE 0 END), 0) AS "repeat_purchasers"
    FROM (
      SELECT
        "t2"."unit",
        COUNT(*) AS "_n"
      FROM "t1" AS "t2"
      GROUP BY
        1
    ) AS "t3"
  ) AS "t5"
) AS "t8"
CROSS JOIN (
  SELECT
    CASE
      WHEN "t11"."_found" > 0
      THEN "t11"."_gap" / 86400000000
      ELSE CAST(NULL AS DOUBLE)
    END AS "median_days_between"
  FROM (
    SELECT
      MAX("t10"."_gap") AS "_gap",
      COUNT(*) AS "_found"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t6"."unit",
          "t6"."ts",
          "t6"."seq",
          "t6"."_gap",
          ROW_NUMBER() OVER (
            ORDER BY "t6"."_gap" ASC, "t6"."unit" ASC, "t6"."ts" ASC, "t6"."seq" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) - 1 AS "_rank",
          COUNT(*) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "_pairs"
        FROM (
          SELECT
            "t4"."unit",
            "t4"."ts",
            "t4"."seq",
            DATE_DIFF('MICROSECOND', "t4"."_previous", "t4"."ts") AS "_gap"
          FROM (
            SELECT
              "t2"."unit",
              "t2"."person",
              "t2"."ts",
              "t2"."seq",
              "t2"."label",
              "t2"."event",
              "t2"."channel",
              "t2"."value",
              "t2"."properties",
              ROW_NUMBER() OVER (
                PARTITION BY "t2"."unit"
                ORDER BY "t2"."ts" ASC, "t2"."seq" ASC
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
              ) - 1 AS "_rn",
              LAG("t2"."ts") OVER (
                PARTITION BY "t2"."unit"
                ORDER BY "t2"."ts" ASC, "t2"."seq" ASC
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
              ) AS "_previous"
            FROM "t1" AS "t2"
          ) AS "t4"
          WHERE
            "t4"."_rn" > 0
        ) AS "t6"
      ) AS "t9"
      WHERE
        (
          (
            (
              "t9"."_rank" * 2
            ) + 1
          ) = "t9"."_pairs"
        )
        OR (
          (
            (
              "t9"."_rank" * 2
            ) + 2
          ) = "t9"."_pairs"
        )
    ) AS "t10"
  ) AS "t11"
) AS "t13"
