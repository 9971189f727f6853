SELECT
  *
FROM (
  SELECT
    "t9"."step_1",
    "t9"."step_2",
    "t9"."step_3",
    "t9"."step_4",
    "t9"."step_5",
    "t9"."truncated",
    "t9"."count",
    CAST("t9"."count" AS DOUBLE) / CAST(SUM("t9"."count") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE) AS "share"
  FROM (
    SELECT
      "t8"."step_1",
      "t8"."step_2",
      "t8"."step_3",
      "t8"."step_4",
      "t8"."step_5",
      "t8"."truncated",
      COUNT("t8"."unit") AS "count"
    FROM (
      SELECT
        "t7"."unit",
        "t7"."truncated",
        MAX(CASE WHEN "t7"."_k" = 1 THEN "t7"."label" ELSE CAST(NULL AS TEXT) END) AS "step_1",
        MAX(CASE WHEN "t7"."_k" = 2 THEN "t7"."label" ELSE CAST(NULL AS TEXT) END) AS "step_2",
        MAX(CASE WHEN "t7"."_k" = 3 THEN "t7"."label" ELSE CAST(NULL AS TEXT) END) AS "step_3",
        MAX(CASE WHEN "t7"."_k" = 4 THEN "t7"."label" ELSE CAST(NULL AS TEXT) END) AS "step_4",
        MAX(CASE WHEN "t7"."_k" = 5 THEN "t7"."label" ELSE CAST(NULL AS TEXT) END) AS "step_5"
      FROM (
        SELECT
          "t6"."unit",
          "t6"."truncated",
          "t6"."_k",
          "t6"."label"
        FROM (
          SELECT
            "t5"."unit",
            "t5"."person",
            "t5"."ts",
            "t5"."seq",
            "t5"."label",
            "t5"."event",
            "t5"."channel",
            "t5"."value",
            "t5"."properties",
            "t5"."position",
            MAX("t5"."position") OVER (PARTITION BY "t5"."unit" ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) > 5 AS "truncated",
            "t5"."position" AS "_k"
          FROM (
            SELECT
              "t4"."unit",
              "t4"."person",
              "t4"."ts",
              "t4"."seq",
              "t4"."label",
              "t4"."event",
              "t4"."channel",
              "t4"."value",
              "t4"."properties",
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
                EXCLUDE ("_index", "_label", "_previous")
              FROM (
                SELECT
                  *
                FROM (
                  SELECT
                    "t1"."unit",
                    "t1"."person",
                    "t1"."ts",
                    "t1"."seq",
                    "t1"."label",
                    "t1"."event",
                    "t1"."channel",
                    "t1"."value",
                    "t1"."properties",
                    "t1"."_label",
                    ROW_NUMBER() OVER (
                      PARTITION BY "t1"."unit"
                      ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."_label" ASC
                      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                    ) - 1 AS "_index",
                    LAG("t1"."_label") OVER (
                      PARTITION BY "t1"."unit"
                      ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."_label" ASC
                      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                    ) AS "_previous"
                  FROM (
                    SELECT
                      "t0"."unit",
                      "t0"."person",
                      "t0"."ts",
                      "t0"."seq",
                      COALESCE("t0"."label", '(unmapped)') AS "label",
                      "t0"."event",
                      "t0"."channel",
                      "t0"."value",
                      "t0"."properties",
                      COALESCE(COALESCE("t0"."label", '(unmapped)'), '(unmapped)') AS "_label"
                    FROM "journey_events" AS "t0"
                    WHERE
                      "t0"."unit" IS NOT NULL
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
        1,
        2
    ) AS "t8"
    GROUP BY
      1,
      2,
      3,
      4,
      5,
      6
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
