SELECT
  *
FROM (
  SELECT
    "t8"."step_1" AS "step_1",
    "t8"."step_2" AS "step_2",
    "t8"."step_3" AS "step_3",
    "t8"."count" AS "count",
    CAST("t8"."count" AS Nullable(Float64)) / CAST(SUM("t8"."count") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS Nullable(Float64)) AS "share"
  FROM (
    SELECT
      "t7"."step_1" AS "step_1",
      "t7"."step_2" AS "step_2",
      "t7"."step_3" AS "step_3",
      COUNT("t7"."unit") AS "count"
    FROM (
      SELECT
        "t6"."unit" AS "unit",
        MAX(
          CASE WHEN "t6"."_k" = 1 THEN "t6"."label" ELSE CAST(NULL AS Nullable(String)) END
        ) AS "step_1",
        MAX(
          CASE WHEN "t6"."_k" = 2 THEN "t6"."label" ELSE CAST(NULL AS Nullable(String)) END
        ) AS "step_2",
        MAX(
          CASE WHEN "t6"."_k" = 3 THEN "t6"."label" ELSE CAST(NULL AS Nullable(String)) END
        ) AS "step_3"
      FROM (
        SELECT
          "t5"."unit" AS "unit",
          "t5"."position" AS "_k",
          "t5"."label" AS "label"
        FROM (
          SELECT
            "t4"."unit" AS "unit",
            "t4"."person" AS "person",
            "t4"."ts" AS "ts",
            "t4"."seq" AS "seq",
            "t4"."label" AS "label",
            "t4"."event" AS "event",
            "t4"."channel" AS "channel",
            "t4"."value" AS "value",
            "t4"."properties" AS "properties",
            (
              ROW_NUMBER() OVER (
                PARTITION BY "t4"."unit"
                ORDER BY "t4"."ts" ASC, "t4"."seq" ASC, "t4"."label" ASC
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
              ) - 1
            ) + 1 AS "position"
          FROM (
            SELECT
              "t3".*
              EXCEPT ("_index", "_label", "_previous")
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t1"."unit" AS "unit",
                  "t1"."person" AS "person",
                  "t1"."ts" AS "ts",
                  "t1"."seq" AS "seq",
                  "t1"."label" AS "label",
                  "t1"."event" AS "event",
                  "t1"."channel" AS "channel",
                  "t1"."value" AS "value",
                  "t1"."properties" AS "properties",
                  "t1"."_label" AS "_label",
                  ROW_NUMBER() OVER (
                    PARTITION BY "t1"."unit"
                    ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."_label" ASC
                    ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                  ) - 1 AS "_index",
                  lagInFrame("t1"."_label") OVER (
                    PARTITION BY "t1"."unit"
                    ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."_label" ASC
                    ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                  ) AS "_previous"
                FROM (
                  SELECT
                    "t0"."unit" AS "unit",
                    "t0"."person" AS "person",
                    "t0"."ts" AS "ts",
                    "t0"."seq" AS "seq",
                    COALESCE("t0"."label", '(unmapped)') AS "label",
                    "t0"."event" AS "event",
                    "t0"."channel" AS "channel",
                    "t0"."value" AS "value",
                    "t0"."properties" AS "properties",
                    COALESCE(COALESCE("t0"."label", '(unmapped)'), '(unmapped)') AS "_label"
                  FROM "journey_events" AS "t0"
                  WHERE
                    isNotNull("t0"."unit")
                ) AS "t1"
              ) AS "t2"
              WHERE
                (
                  "t2"."_index" = 0
                ) OR (
                  "t2"."_previous" <> "t2"."_label"
                )
            ) AS "t3"
          ) AS "t4"
        ) AS "t5"
        WHERE
          "t5"."position" <= 3
      ) AS "t6"
      GROUP BY
        "t6"."unit"
    ) AS "t7"
    GROUP BY
      "t7"."step_1",
      "t7"."step_2",
      "t7"."step_3"
  ) AS "t8"
) AS "t9"
ORDER BY
  "t9"."count" DESC,
  "t9"."step_1" ASC NULLS FIRST,
  "t9"."step_2" ASC NULLS FIRST,
  "t9"."step_3" ASC NULLS FIRST
