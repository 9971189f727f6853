WITH "t4" AS (
  SELECT
    "t1"."label",
    CAST((
      ROW_NUMBER() OVER (
        ORDER BY "t1"."label" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1
    ) + 1 AS INT) AS "_code"
  FROM (
    SELECT DISTINCT
      COALESCE(NULLIF("t0"."label", ''), '(unmapped)') AS "label"
    FROM "journey_events" AS "t0"
    WHERE
      "t0"."unit" IS NOT NULL
  ) AS "t1"
), "t12" AS (
  SELECT
    *
  FROM (
    SELECT
      "t3"."unit",
      "t3"."person",
      "t6"."_code" AS "_source",
      COALESCE(
        LEAD("t6"."_code") OVER (
          PARTITION BY "t3"."unit"
          ORDER BY "t3"."ts" ASC, "t3"."seq" ASC, "t6"."_code" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ),
        0
      ) AS "_target",
      DATE_DIFF(
        'MICROSECOND',
        "t3"."ts",
        LEAD("t3"."ts") OVER (
          PARTITION BY "t3"."unit"
          ORDER BY "t3"."ts" ASC, "t3"."seq" ASC, "t6"."_code" ASC
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
    ) AS "t3"
    INNER JOIN "t4" AS "t6"
      ON "t3"."label" = "t6"."label"
  ) AS "t11"
  WHERE
    "t11"."_target" <> 0
)
SELECT
  *
FROM (
  SELECT
    "t9"."source",
    "t10"."target",
    "t16"."count",
    "t16"."units",
    "t16"."people",
    CAST("t16"."count" AS DOUBLE) / CAST(SUM("t16"."count") OVER (
      PARTITION BY "t9"."source"
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS DOUBLE) AS "share_out",
    CAST("t19"."_median" AS DOUBLE) / 1000000 AS "median_seconds",
    CAST("t19"."_p95" AS DOUBLE) / 1000000 AS "p95_seconds"
  FROM (
    SELECT
      "t13"."_source",
      "t13"."_target",
      COUNT("t13"."unit") AS "count",
      COUNT(DISTINCT "t13"."unit") AS "units",
      COUNT(DISTINCT "t13"."person") AS "people"
    FROM "t12" AS "t13"
    GROUP BY
      1,
      2
  ) AS "t16"
  INNER JOIN (
    SELECT
      "t17"."_source",
      "t17"."_target",
      MAX(
        CASE
          WHEN (
            (
              (
                "t17"."_through" - "t17"."_k"
              ) * 2
            ) < "t17"."_n"
          )
          AND (
            "t17"."_n" <= (
              "t17"."_through" * 2
            )
          )
          THEN "t17"."_us"
          ELSE NULL
        END
      ) AS "_median",
      MAX(
        CASE
          WHEN (
            (
              (
                "t17"."_through" - "t17"."_k"
              ) * 100
            ) < (
              "t17"."_n" * 95
            )
          )
          AND (
            (
              "t17"."_n" * 95
            ) <= (
              "t17"."_through" * 100
            )
          )
          THEN "t17"."_us"
          ELSE NULL
        END
      ) AS "_p95"
    FROM (
      SELECT
        "t14"."_source",
        "t14"."_target",
        "t14"."_us",
        "t14"."_k",
        SUM("t14"."_k") OVER (
          PARTITION BY "t14"."_source", "t14"."_target"
          ORDER BY "t14"."_us" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) AS "_through",
        SUM("t14"."_k") OVER (
          PARTITION BY "t14"."_source", "t14"."_target"
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) AS "_n"
      FROM (
        SELECT
          "t13"."_source",
          "t13"."_target",
          "t13"."_us",
          COUNT("t13"."unit") AS "_k"
        FROM "t12" AS "t13"
        GROUP BY
          1,
          2,
          3
      ) AS "t14"
    ) AS "t17"
    GROUP BY
      1,
      2
  ) AS "t19"
    ON "t16"."_source" = "t19"."_source" AND "t16"."_target" = "t19"."_target"
  INNER JOIN (
    SELECT
      "t5"."_code" AS "_source",
      "t5"."label" AS "source"
    FROM "t4" AS "t5"
  ) AS "t9"
    ON "t16"."_source" = "t9"."_source"
  INNER JOIN (
    SELECT
      "t5"."_code" AS "_target",
      "t5"."label" AS "target"
    FROM "t4" AS "t5"
  ) AS "t10"
    ON "t16"."_target" = "t10"."_target"
) AS "t20"
ORDER BY
  "t20"."count" DESC,
  "t20"."source" ASC,
  "t20"."target" ASC
