SELECT
  "t8"."unit" AS "unit",
  "t8"."done" AS "done",
  "t8"."in_order" AS "in_order",
  4 - "t8"."done" AS "missed",
  "t8"."done" - "t8"."in_order" AS "out_of_order",
  CAST("t8"."in_order" AS Nullable(Float64)) / 4 AS "fitness"
FROM (
  SELECT
    "t7"."unit" AS "unit",
    COUNT(*) AS "done",
    SUM(CASE WHEN "t7"."first" > "t7"."_before" THEN 1 ELSE 0 END) AS "in_order"
  FROM (
    SELECT
      "t6"."unit" AS "unit",
      "t6"."position" AS "position",
      "t6"."first" AS "first",
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
        "t5"."unit" AS "unit",
        "t5"."position" AS "position",
        MIN("t5"."_index") + 1 AS "first"
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
          "t4"."position" AS "position",
          ROW_NUMBER() OVER (
            PARTITION BY "t4"."unit"
            ORDER BY "t4"."ts" ASC, "t4"."seq" ASC, "t4"."label" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) - 1 AS "_index"
        FROM (
          SELECT
            "t3".*
            EXCEPT ("_previous")
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
                "t1"."position" AS "position",
                lagInFrame("t1"."label") OVER (
                  PARTITION BY "t1"."unit"
                  ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "_previous"
              FROM (
                SELECT
                  "t0"."unit" AS "unit",
                  "t0"."person" AS "person",
                  "t0"."ts" AS "ts",
                  "t0"."seq" AS "seq",
                  "t0"."label" AS "label",
                  "t0"."event" AS "event",
                  "t0"."channel" AS "channel",
                  "t0"."value" AS "value",
                  "t0"."properties" AS "properties",
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
              isNull("t2"."_previous") OR (
                "t2"."_previous" <> "t2"."label"
              )
          ) AS "t3"
        ) AS "t4"
      ) AS "t5"
      GROUP BY
        "t5"."unit",
        "t5"."position"
    ) AS "t6"
  ) AS "t7"
  GROUP BY
    "t7"."unit"
) AS "t8"
