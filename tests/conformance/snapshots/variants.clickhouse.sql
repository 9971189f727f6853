SELECT
  *
FROM (
  SELECT
    "t9"."step_1" AS "step_1",
    "t9"."step_2" AS "step_2",
    "t9"."step_3" AS "step_3",
    "t9"."step_4" AS "step_4",
    "t9"."step_5" AS "step_5",
    "t9"."truncated" AS "truncated",
    "t9"."count" AS "count",
    CAST("t9"."count" AS Nullable(Float64)) / CAST(SUM("t9"."count") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS Nullable(Float64)) AS "share"
  FROM (
    SELECT
      "t8"."step_1" AS "step_1",
      "t8"."step_2" AS "step_2",
      "t8"."step_3" AS "step_3",
      "t8"."step_4" AS "step_4",
      "t8"."step_5" AS "step_5",
      "t8"."truncated" AS "truncated",
      COUNT("t8"."unit") AS "count"
    FROM (
      SELECT
        "t7"."unit" AS "unit",
        "t7"."truncated" AS "truncated",
        MAX(
          CASE WHEN "t7"."_k" = 1 THEN "t7"."label" ELSE CAST(NULL AS Nullable(String)) END
        ) AS "step_1",
        MAX(
          CASE WHEN "t7"."_k" = 2 THEN "t7"."label" ELSE CAST(NULL AS Nullable(String)) END
        ) AS "step_2",
        MAX(
          CASE WHEN "t7"."_k" = 3 THEN "t7"."label" ELSE CAST(NULL AS Nullable(String)) END
        ) AS "step_3",
        MAX(
          CASE WHEN "t7"."_k" = 4 THEN "t7"."label" ELSE CAST(NULL AS Nullable(String)) END
        ) AS "step_4",
        MAX(
          CASE WHEN "t7"."_k" = 5 THEN "t7"."label" ELSE CAST(NULL AS Nullable(String)) END
        ) AS "step_5"
      FROM (
        SELECT
          "t6"."unit" AS "unit",
          "t6"."truncated" AS "truncated",
          "t6"."_k" AS "_k",
          "t6"."label" AS "label"
        FROM (
          SELECT
            "t5"."unit" AS "unit",
            "t5"."person" AS "person",
            "t5"."ts" AS "ts",
            "t5"."seq" AS "seq",
            "t5"."label" AS "label",
            "t5"."event" AS "event",
            "t5"."channel" AS "channel",
            "t5"."value" AS "value",
            "t5"."properties" AS "properties",
            "t5"."position" AS "position",
            MAX("t5"."position") OVER (PARTITION BY "t5"."unit" ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) > 5 AS "truncated",
            "t5"."position" AS "_k"
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
        ) AS "t6"
        WHERE
          "t6"."position" <= 5
      ) AS "t7"
      GROUP BY
        "t7"."unit",
        "t7"."truncated"
    ) AS "t8"
    GROUP BY
      "t8"."step_1",
      "t8"."step_2",
      "t8"."step_3",
      "t8"."step_4",
      "t8"."step_5",
      "t8"."truncated"
  ) AS "t9"
) AS "t10"
ORDER BY
  "t10"."count" DESC,
  "t10"."step_1" ASC NULLS FIRST,
  "t10"."step_2" ASC NULLS FIRST,
  "t10"."step_3" ASC NULLS FIRST,
  "t10"."step_4" ASC NULLS FIRST,
  "t10"."step_5" ASC NULLS FIRST,
  "t10"."truncated" ASC NULLS FIRST
