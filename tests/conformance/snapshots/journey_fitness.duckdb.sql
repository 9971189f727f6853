SELECT
  "t8"."unit",
  "t8"."done",
  "t8"."in_order",
  4 - "t8"."done" AS "missed",
  "t8"."done" - "t8"."in_order" AS "out_of_order",
  CAST("t8"."in_order" AS DOUBLE) / 4 AS "fitness"
FROM (
  SELECT
    "t7"."unit",
    COUNT(*) AS "done",
    SUM(CASE WHEN "t7"."first" > "t7"."_before" THEN 1 ELSE 0 END) AS "in_order"
  FROM (
    SELECT
      "t6"."unit",
      "t6"."position",
      "t6"."first",
      COALESCE(
        MAX("t6"."first") OVER (
          PARTITION BY "t6"."unit"
          ORDER BY "t6"."position" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 preceding
        ),
        0
      ) AS "_before"
    FROM (
      SELECT
        "t5"."unit",
        "t5"."position",
        MIN("t5"."_index") + 1 AS "first"
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
          "t4"."position",
          ROW_NUMBER() OVER (
            PARTITION BY "t4"."unit"
            ORDER BY "t4"."ts" ASC, "t4"."seq" ASC, "t4"."label" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) - 1 AS "_index"
        FROM (
          SELECT
            "t3".*
            EXCLUDE ("_previous")
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
                "t1"."position",
                LAG("t1"."label") OVER (
                  PARTITION BY "t1"."unit"
                  ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "_previous"
              FROM (
                SELECT
                  "t0"."unit",
                  "t0"."person",
                  "t0"."ts",
                  "t0"."seq",
                  "t0"."label",
                  "t0"."event",
                  "t0"."channel",
                  "t0"."value",
                  "t0"."properties",
                  CASE
                    WHEN "t0"."label" = 'awareness'
                    THEN 1
                    WHEN "t0"."label" = 'consideration'
                    THEN 2
                    WHEN "t0"."label" = 'decision'
                    THEN 3
                    WHEN "t0"."label" = 'purchase'
                    THEN 4
                    ELSE NULL
                  END AS "position"
                FROM "journey_events" AS "t0"
                WHERE
                  "t0"."label" IN ('awareness', 'consideration', 'decision', 'purchase')
              ) AS "t1"
            ) AS "t2"
            WHERE
              (
                "t2"."_previous" IS NULL
              ) OR (
                "t2"."_previous" <> "t2"."label"
              )
          ) AS "t3"
        ) AS "t4"
      ) AS "t5"
      GROUP BY
        1,
        2
    ) AS "t6"
  ) AS "t7"
  GROUP BY
    1
) AS "t8"
