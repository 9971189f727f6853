WITH "t3" AS (
  SELECT
    *
  FROM (
    SELECT
      "t1"."unit" AS "unit",
      "t1"."person" AS "person",
      "t1"."label" AS "source",
      leadInFrame("t1"."label") OVER (
        PARTITION BY "t1"."unit"
        ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) AS "target",
      DATE_DIFF(
        MICROSECOND,
        "t1"."ts",
        leadInFrame("t1"."ts") OVER (
          PARTITION BY "t1"."unit"
          ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        )
      ) AS "_us"
    FROM (
      SELECT
        "t0"."unit" AS "unit",
        "t0"."person" AS "person",
        "t0"."ts" AS "ts",
        "t0"."seq" AS "seq",
        COALESCE(nullIf("t0"."label", ''), '(unmapped)') AS "label",
        "t0"."event" AS "event",
        "t0"."channel" AS "channel",
        "t0"."value" AS "value",
        "t0"."properties" AS "properties"
      FROM "journey_events" AS "t0"
      WHERE
        isNotNull("t0"."unit")
    ) AS "t1"
  ) AS "t2"
  WHERE
    "t2"."target" <> ''
)
SELECT
  *
FROM (
  SELECT
    "t7"."source" AS "source",
    "t7"."target" AS "target",
    "t7"."count" AS "count",
    "t7"."units" AS "units",
    "t7"."people" AS "people",
    CAST("t7"."count" AS Nullable(Float64)) / CAST(SUM("t7"."count") OVER (
      PARTITION BY "t7"."source"
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS Nullable(Float64)) AS "share_out",
    CAST("t10"."_median" AS Nullable(Float64)) / 1000000 AS "median_seconds",
    CAST("t10"."_p95" AS Nullable(Float64)) / 1000000 AS "p95_seconds"
  FROM (
    SELECT
      "t4"."source" AS "source",
      "t4"."target" AS "target",
      COUNT("t4"."unit") AS "count",
      uniq("t4"."unit") AS "units",
      uniq("t4"."person") AS "people"
    FROM "t3" AS "t4"
    GROUP BY
      "t4"."source",
      "t4"."target"
  ) AS "t7"
  INNER JOIN (
    SELECT
      "t8"."source" AS "source",
      "t8"."target" AS "target",
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
        "t5"."source" AS "source",
        "t5"."target" AS "target",
        "t5"."_us" AS "_us",
        "t5"."_k" AS "_k",
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
          "t4"."source" AS "source",
          "t4"."target" AS "target",
          "t4"."_us" AS "_us",
          COUNT("t4"."unit") AS "_k"
        FROM "t3" AS "t4"
        GROUP BY
          "t4"."source",
          "t4"."target",
          "t4"."_us"
      ) AS "t5"
    ) AS "t8"
    GROUP BY
      "t8"."source",
      "t8"."target"
  ) AS "t10"
    ON "t7"."source" = "t10"."source" AND "t7"."target" = "t10"."target"
) AS "t11"
ORDER BY
  "t11"."count" DESC,
  "t11"."source" ASC,
  "t11"."target" ASC
