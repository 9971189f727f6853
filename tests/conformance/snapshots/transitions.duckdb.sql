WITH "t3" AS (
  SELECT
    *
  FROM (
    SELECT
      "t1"."unit",
      "t1"."person",
      "t1"."label" AS "source",
      LEAD("t1"."label") OVER (
        PARTITION BY "t1"."unit"
        ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) AS "target",
      DATE_DIFF(
        'MICROSECOND',
        "t1"."ts",
        LEAD("t1"."ts") OVER (
          PARTITION BY "t1"."unit"
          ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        )
      ) AS "_us"
    FROM (
      SELECT
        "t0"."unit",
        "t0"."person",
        "t0"."ts",
        "t0"."seq",
        COALESCE(NULLIF("t0"."label", ''), '(unmapped)') AS "label",
        "t0"."event",
        "t0"."channel",
        "t0"."value",
        "t0"."properties"
      FROM "journey_events" AS "t0"
      WHERE
        "t0"."unit" IS NOT NULL
    ) AS "t1"
  ) AS "t2"
  WHERE
    "t2"."target" <> ''
)
SELECT
  *
FROM (
  SELECT
    "t7"."source",
    "t7"."target",
    "t7"."count",
    "t7"."units",
    "t7"."people",
    CAST("t7"."count" AS DOUBLE) / CAST(SUM("t7"."count") OVER (
      PARTITION BY "t7"."source"
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS DOUBLE) AS "share_out",
    CAST("t10"."_median" AS DOUBLE) / 1000000 AS "median_seconds",
    CAST("t10"."_p95" AS DOUBLE) / 1000000 AS "p95_seconds"
  FROM (
    SELECT
      "t4"."source",
      "t4"."target",
      COUNT("t4"."unit") AS "count",
      COUNT(DISTINCT "t4"."unit") AS "units",
      COUNT(DISTINCT "t4"."person") AS "people"
    FROM "t3" AS "t4"
    GROUP BY
      1,
      2
  ) AS "t7"
  INNER JOIN (
    SELECT
      "t8"."source",
      "t8"."target",
      MAX(
        CASE
          WHEN (
            (
              (
                "t8"."_through" - "t8"."_k"
              ) * 2
            ) < "t8"."_n"
          )
          AND (
            "t8"."_n" <= (
              "t8"."_through" * 2
            )
          )
          THEN "t8"."_us"
          ELSE NULL
        END
      ) AS "_median",
      MAX(
        CASE
          WHEN (
            (
              (
                "t8"."_through" - "t8"."_k"
              ) * 100
            ) < (
              "t8"."_n" * 95
            )
          )
          AND (
            (
              "t8"."_n" * 95
            ) <= (
              "t8"."_through" * 100
            )
          )
          THEN "t8"."_us"
          ELSE NULL
        END
      ) AS "_p95"
    FROM (
      SELECT
        "t5"."source",
        "t5"."target",
        "t5"."_us",
        "t5"."_k",
        SUM("t5"."_k") OVER (
          PARTITION BY "t5"."source", "t5"."target"
          ORDER BY "t5"."_us" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) AS "_through",
        SUM("t5"."_k") OVER (
          PARTITION BY "t5"."source", "t5"."target"
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) AS "_n"
      FROM (
        SELECT
          "t4"."source",
          "t4"."target",
          "t4"."_us",
          COUNT("t4"."unit") AS "_k"
        FROM "t3" AS "t4"
        GROUP BY
          1,
          2,
          3
      ) AS "t5"
    ) AS "t8"
    GROUP BY
      1,
      2
  ) AS "t10"
    ON "t7"."source" = "t10"."source" AND "t7"."target" = "t10"."target"
) AS "t11"
ORDER BY
  "t11"."count" DESC,
  "t11"."source" ASC,
  "t11"."target" ASC
