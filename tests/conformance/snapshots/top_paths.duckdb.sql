SELECT
  *
FROM (
  SELECT
    "t8"."step_1",
    "t8"."step_2",
    "t8"."step_3",
    "t8"."count",
    CAST("t8"."count" AS DOUBLE) / CAST(SUM("t8"."count") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE) AS "share"
  FROM (
    SELECT
      "t7"."step_1",
      "t7"."step_2",
      "t7"."step_3",
      COUNT("t7"."unit") AS "count"
    FROM (
      SELECT
        "t6"."unit",
        MAX(CASE WHEN "t6"."_k" = 1 THEN "t6"."label" ELSE CAST(NULL AS TEXT) END) AS "step_1",
        MAX(CASE WHEN "t6"."_k" = 2 THEN "t6"."label" ELSE CAST(NULL AS TEXT) END) AS "step_2",
        MAX(CASE WHEN "t6"."_k" = 3 THEN "t6"."label" ELSE CAST(NULL AS TEXT) END) AS "step_3"
      FROM (
        SELECT
          "t5"."unit",
          "t5"."position" AS "_k",
          "t5"."label"
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
        WHERE
          "t5"."position" <= 3
      ) AS "t6"
      GROUP BY
        1
    ) AS "t7"
    GROUP BY
      1,
      2,
      3
  ) AS "t8"
) AS "t9"
ORDER BY
  "t9"."count" DESC,
  "t9"."step_1" ASC NULLS FIRST,
  "t9"."step_2" ASC NULLS FIRST,
  "t9"."step_3" ASC NULLS FIRST
