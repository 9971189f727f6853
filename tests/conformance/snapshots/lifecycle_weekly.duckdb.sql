WITH "t1" AS (
  SELECT DISTINCT
    "t0"."unit",
    CAST(FLOOR(
      (
        DATE_DIFF(
          'MICROSECOND',
          CAST(MAKE_TIMESTAMP(2026, 1, 5, 0, 0, 0.0) AS TIMESTAMP(6)),
          "t0"."ts"
        )
      ) / (
        604800000000
      )
    ) AS BIGINT) AS "_k"
  FROM "journey_events" AS "t0"
  WHERE
    "t0"."unit" IS NOT NULL
), "t5" AS (
  SELECT
    "t2"."unit",
    "t2"."_k",
    ROW_NUMBER() OVER (
      PARTITION BY "t2"."unit"
      ORDER BY "t2"."_k" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1 AS "_rn",
    LAG("t2"."_k") OVER (
      PARTITION BY "t2"."unit"
      ORDER BY "t2"."_k" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS "_previous",
    MAX("t2"."_k") OVER (PARTITION BY "t2"."unit" ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "_last"
  FROM "t1" AS "t2"
)
SELECT
  CAST(MAKE_TIMESTAMP(2026, 1, 5, 0, 0, 0.0) AS TIMESTAMP(6)) + TO_SECONDS("t15"."_p" * 604800) AS "period",
  "t15"."new" + "t15"."returning" + "t15"."resurrecting" AS "active",
  "t15"."new",
  "t15"."returning",
  "t15"."resurrecting",
  "t15"."dormant"
FROM (
  SELECT
    "t14"."_p",
    "t14"."new",
    "t14"."returning",
    "t14"."resurrecting",
    "t14"."dormant",
    "t4"."_end"
  FROM (
    SELECT
      "t12"."_p",
      SUM("t12"."new") AS "new",
      SUM("t12"."returning") AS "returning",
      SUM("t12"."resurrecting") AS "resurrecting",
      SUM("t12"."dormant") AS "dormant"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t6"."_k" AS "_p",
          CASE WHEN "t6"."_rn" = 0 THEN 1 ELSE 0 END AS "new",
          CASE
            WHEN NOT (
              "t6"."_rn" = 0
            ) AND (
              "t6"."_previous" = (
                "t6"."_k" - 1
              )
            )
            THEN 1
            ELSE 0
          END AS "returning",
          CASE
            WHEN NOT (
              "t6"."_rn" = 0
            ) AND (
              "t6"."_previous" < (
                "t6"."_k" - 1
              )
            )
            THEN 1
            ELSE 0
          END AS "resurrecting",
          0 AS "dormant"
        FROM "t5" AS "t6"
      ) AS "t10"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t9"."_p",
          0 AS "new",
          0 AS "returning",
          0 AS "resurrecting",
          1 AS "dormant"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t6"."_previous" + 1 AS "_p"
            FROM "t5" AS "t6"
            WHERE
              NOT (
                "t6"."_rn" = 0
              ) AND "t6"."_previous" < (
                "t6"."_k" - 1
              )
          ) AS "t8"
          UNION ALL
          SELECT
            *
          FROM (
            SELECT
              "t6"."_k" + 1 AS "_p"
            FROM "t5" AS "t6"
            WHERE
              "t6"."_k" = "t6"."_last"
          ) AS "t7"
        ) AS "t9"
      ) AS "t11"
    ) AS "t12"
    GROUP BY
      1
  ) AS "t14"
  CROSS JOIN (
    SELECT
      MAX("t2"."_k") AS "_end"
    FROM "t1" AS "t2"
  ) AS "t4"
) AS "t15"
WHERE
  "t15"."_p" <= "t15"."_end"
