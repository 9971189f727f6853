WITH "t5" AS (
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
    CAST(CASE
      WHEN "t0"."label" = 'ad'
      THEN 1
      WHEN "t0"."label" = 'blog'
      THEN 1
      WHEN "t0"."label" = 'product'
      THEN 2
      WHEN "t0"."label" = 'cart'
      THEN 3
      WHEN "t0"."label" = 'order'
      THEN 4
      ELSE NULL
    END AS Nullable(Int64)) AS "_pos"
  FROM "journey_events" AS "t0"
), "t25" AS (
  SELECT
    "t20"."unit" AS "unit",
    "t20"."person" AS "person",
    "t20"."ts" AS "ts",
    "t20"."seq" AS "seq",
    "t20"."label" AS "label",
    "t20"."event" AS "event",
    "t20"."channel" AS "channel",
    "t20"."value" AS "value",
    "t20"."properties" AS "properties",
    "t20"."_pos" AS "_pos",
    "t20"."_off" AS "_off",
    "t20"."_previous" AS "_previous",
    (
      ROW_NUMBER() OVER (
        PARTITION BY "t20"."unit"
        ORDER BY "t20"."ts" ASC, "t20"."seq" ASC, "t20"."label" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1
    ) + 1 AS "_index",
    lagInFrame("t20"."_pos") OVER (
      PARTITION BY "t20"."unit"
      ORDER BY "t20"."ts" ASC, "t20"."seq" ASC, "t20"."label" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS "_from"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t11"."unit" AS "unit",
        "t11"."person" AS "person",
        "t11"."ts" AS "ts",
        "t11"."seq" AS "seq",
        "t11"."label" AS "label",
        "t11"."event" AS "event",
        "t11"."channel" AS "channel",
        "t11"."value" AS "value",
        "t11"."properties" AS "properties",
        "t11"."_pos" AS "_pos",
        "t11"."_off" AS "_off",
        lagInFrame("t11"."_pos") OVER (
          PARTITION BY "t11"."unit"
          ORDER BY "t11"."ts" ASC, "t11"."seq" ASC, "t11"."label" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) AS "_previous"
      FROM (
        SELECT
          "t6"."unit" AS "unit",
          "t6"."person" AS "person",
          "t6"."ts" AS "ts",
          "t6"."seq" AS "seq",
          "t6"."label" AS "label",
          "t6"."event" AS "event",
          "t6"."channel" AS "channel",
          "t6"."value" AS "value",
          "t6"."properties" AS "properties",
          "t6"."_pos" AS "_pos",
          "t6"."label" IN ('call', 'review') AND isNull("t6"."_pos") AS "_off"
        FROM "t5" AS "t6"
        WHERE
          isNotNull("t6"."unit")
          AND (
            isNotNull("t6"."_pos")
            OR (
              "t6"."label" IN ('call', 'review') AND isNull("t6"."_pos")
            )
          )
          AND isNotNull("t6"."_pos")
      ) AS "t11"
    ) AS "t15"
    WHERE
      isNull("t15"."_previous") OR (
        "t15"."_previous" <> "t15"."_pos"
      )
  ) AS "t20"
)
SELECT
  "t47"."group" AS "group",
  COUNT(*) AS "units",
  AVG("t47"."fitness") AS "mean_fitness",
  SUM(CASE WHEN "t47"."fitness" = 1 THEN 1 ELSE 0 END) AS "conforming",
  SUM("t47"."skipped") AS "skipped",
  SUM("t47"."out_of_order") AS "out_of_order",
  SUM("t47"."backward") AS "backward",
  SUM("t47"."unexpected") AS "unexpected",
  SUM(
    CASE
      WHEN (
        "t47"."skipped" > 0
      )
      OR (
        "t47"."out_of_order" > 0
      )
      OR (
        "t47"."backward" > 0
      )
      OR (
        "t47"."unexpected" > 0
      )
      THEN 1
      ELSE 0
    END
  ) AS "deviating_units"
FROM (
  SELECT
    "t41"."unit" AS "unit",
    "t41"."fitness" AS "fitness",
    "t41"."done" AS "done",
    "t41"."missed" AS "missed",
    COALESCE("t46"."skipped", 0) AS "skipped",
    COALESCE("t41"."out_of_order", 0) AS "out_of_order",
    COALESCE("t46"."backward", 0) AS "backward",
    COALESCE("t46"."unexpected", 0) AS "unexpected",
    "t21"."_unit" AS "_unit",
    "t21"."group" AS "group"
  FROM (
    SELECT
      "t37"."unit" AS "unit",
      "t37"."done" AS "done",
      "t37"."in_order" AS "in_order",
      4 - "t37"."done" AS "missed",
      "t37"."done" - "t37"."in_order" AS "out_of_order",
      CAST("t37"."in_order" AS Nullable(Float64)) / 4 AS "fitness"
    FROM (
      SELECT
        "t31"."unit" AS "unit",
        COUNT(*) AS "done",
        SUM(CASE WHEN "t31"."first" > "t31"."_before" THEN 1 ELSE 0 END) AS "in_order"
      FROM (
        SELECT
          "t24"."unit" AS "unit",
          "t24"."position" AS "position",
          "t24"."first" AS "first",
          COALESCE(
            MAX("t24"."first") OVER (
              PARTITION BY "t24"."unit"
              ORDER BY "t24"."position" ASC
              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 preceding
            ),
            0
          ) AS "_before"
        FROM (
          SELECT
            "t22"."unit" AS "unit",
            "t22"."position" AS "position",
            MIN("t22"."_index") + 1 AS "first"
          FROM (
            SELECT
              "t16"."unit" AS "unit",
              "t16"."person" AS "person",
              "t16"."ts" AS "ts",
              "t16"."seq" AS "seq",
              "t16"."label" AS "label",
              "t16"."event" AS "event",
              "t16"."channel" AS "channel",
              "t16"."value" AS "value",
              "t16"."properties" AS "properties",
              "t16"."position" AS "position",
              ROW_NUMBER() OVER (
                PARTITION BY "t16"."unit"
                ORDER BY "t16"."ts" ASC, "t16"."seq" ASC, "t16"."label" ASC
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
              ) - 1 AS "_index"
            FROM (
              SELECT
                "t14".*
                EXCEPT ("_previous")
              FROM (
                SELECT
                  *
                FROM (
                  SELECT
                    "t7"."unit" AS "unit",
                    "t7"."person" AS "person",
                    "t7"."ts" AS "ts",
                    "t7"."seq" AS "seq",
                    "t7"."label" AS "label",
                    "t7"."event" AS "event",
                    "t7"."channel" AS "channel",
                    "t7"."value" AS "value",
                    "t7"."properties" AS "properties",
                    "t7"."position" AS "position",
                    lagInFrame("t7"."label") OVER (
                      PARTITION BY "t7"."unit"
                      ORDER BY "t7"."ts" ASC, "t7"."seq" ASC, "t7"."label" ASC
                      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                    ) AS "_previous"
                  FROM (
                    SELECT
                      "t2"."unit" AS "unit",
                      "t2"."person" AS "person",
                      "t2"."ts" AS "ts",
                      "t2"."seq" AS "seq",
                      "t2"."label" AS "label",
                      "t2"."event" AS "event",
                      "t2"."channel" AS "channel",
                      "t2"."value" AS "value",
                      "t2"."properties" AS "properties",
                      CASE
                        WHEN "t2"."label" = 'awareness'
                        THEN 1
                        WHEN "t2"."label" = 'consideration'
                        THEN 2
                        WHEN "t2"."label" = 'decision'
                        THEN 3
                        WHEN "t2"."label" = 'purchase'
                        THEN 4
                        ELSE NULL
                      END AS "position"
                    FROM (
                      SELECT
                        "t0"."unit" AS "unit",
                        "t0"."person" AS "person",
                        "t0"."ts" AS "ts",
                        "t0"."seq" AS "seq",
                        CASE "t0"."label"
                          WHEN 'ad'
                          THEN 'awareness'
                          WHEN 'blog'
                          THEN 'awareness'
                          WHEN 'product'
                          THEN 'consideration'
                          WHEN 'cart'
                          THEN 'decision'
                          WHEN 'order'
                          THEN 'purchase'
                          ELSE CAST(NULL AS Nullable(String))
                        END AS "label",
                        "t0"."event" AS "event",
                        "t0"."channel" AS "channel",
                        "t0"."value" AS "value",
                        "t0"."properties" AS "properties"
                      FROM "journey_events" AS "t0"
                    ) AS "t2"
                    WHERE
                      "t2"."label" IN ('awareness', 'consideration', 'decision', 'purchase')
                  ) AS "t7"
                ) AS "t9"
                WHERE
                  isNull("t9"."_previous") OR (
                    "t9"."_previous" <> "t9"."label"
                  )
              ) AS "t14"
            ) AS "t16"
          ) AS "t22"
          GROUP BY
            "t22"."unit",
            "t22"."position"
        ) AS "t24"
      ) AS "t31"
      GROUP BY
        "t31"."unit"
    ) AS "t37"
  ) AS "t41"
  LEFT OUTER JOIN (
    SELECT
      "t44"."unit" AS "_unit",
      "t44"."skipped" AS "skipped",
      "t44"."out_of_order" AS "out_of_order",
      "t44"."backward" AS "backward",
      "t44"."unexpected" AS "unexpected"
    FROM (
      SELECT
        "t43"."unit" AS "unit",
        SUM(CASE WHEN "t43"."kind" = 'skipped' THEN "t43"."count" ELSE 0 END) AS "skipped",
        SUM(CASE WHEN "t43"."kind" = 'out_of_order' THEN "t43"."count" ELSE 0 END) AS "out_of_order",
        SUM(CASE WHEN "t43"."kind" = 'backward' THEN "t43"."count" ELSE 0 END) AS "backward",
        SUM(CASE WHEN "t43"."kind" = 'unexpected' THEN "t43"."count" ELSE 0 END) AS "unexpected"
      FROM (
        SELECT
          "t42"."unit" AS "unit",
          "t42"."kind" AS "kind",
          "t42"."step" AS "step",
          COUNT(*) AS "count"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                "t27"."unit" AS "unit",
                'backward' AS "kind",
                CASE
                  WHEN "t27"."_from" = 1
                  THEN 'awareness'
                  WHEN "t27"."_from" = 2
                  THEN 'consideration'
                  WHEN "t27"."_from" = 3
                  THEN 'decision'
                  WHEN "t27"."_from" = 4
                  THEN 'purchase'
                  ELSE NULL
                END AS "step"
              FROM "t25" AS "t27"
              WHERE
                "t27"."_index" > 1 AND "t27"."_pos" < "t27"."_from"
            ) AS "t32"
            UNION ALL
            SELECT
              *
            FROM (
              SELECT
                "t36"."unit" AS "unit",
                'out_of_order' AS "kind",
                CASE
                  WHEN "t36"."_pos" = 1
                  THEN 'awareness'
                  WHEN "t36"."_pos" = 2
                  THEN 'consideration'
                  WHEN "t36"."_pos" = 3
                  THEN 'decision'
                  WHEN "t36"."_pos" = 4
                  THEN 'purchase'
                  ELSE NULL
                END AS "step"
              FROM (
                SELECT
                  "t28"."unit" AS "unit",
                  "t28"."_pos" AS "_pos",
                  "t28"."_first" AS "_first",
                  COALESCE(
                    MAX("t28"."_first") OVER (
                      PARTITION BY "t28"."unit"
                      ORDER BY "t28"."_pos" ASC
                      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 preceding
                    ),
                    0
                  ) AS "_before"
                FROM (
                  SELECT
                    "t27"."unit" AS "unit",
                    "t27"."_pos" AS "_pos",
                    MIN("t27"."_index") AS "_first"
                  FROM "t25" AS "t27"
                  GROUP BY
                    "t27"."unit",
                    "t27"."_pos"
                ) AS "t28"
              ) AS "t36"
              WHERE
                "t36"."_first" < "t36"."_before"
            ) AS "t38"
          ) AS "t40"
          UNION ALL
          SELECT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                "t26"."unit" AS "unit",
                'unexpected' AS "kind",
                CASE
                  WHEN (
                    "t26"."_latest" % 5
                  ) = 1
                  THEN 'awareness'
                  WHEN (
                    "t26"."_latest" % 5
                  ) = 2
                  THEN 'consideration'
                  WHEN (
                    "t26"."_latest" % 5
                  ) = 3
                  THEN 'decision'
                  WHEN (
                    "t26"."_latest" % 5
                  ) = 4
                  THEN 'purchase'
                  ELSE NULL
                END AS "step"
              FROM (
                SELECT
                  "t23"."unit" AS "unit",
                  "t23"."person" AS "person",
                  "t23"."ts" AS "ts",
                  "t23"."seq" AS "seq",
                  "t23"."label" AS "label",
                  "t23"."event" AS "event",
                  "t23"."channel" AS "channel",
                  "t23"."value" AS "value",
                  "t23"."properties" AS "properties",
                  "t23"."_pos" AS "_pos",
                  "t23"."_off" AS "_off",
                  "t23"."_rn" AS "_rn",
                  "t23"."_packed" AS "_packed",
                  "t23"."_at_last" AS "_at_last",
                  MAX("t23"."_packed") OVER (
                    PARTITION BY "t23"."unit"
                    ORDER BY "t23"."ts" ASC, "t23"."seq" ASC, "t23"."label" ASC
                    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
                  ) AS "_latest",
                  MAX("t23"."_at_last") OVER (
                    PARTITION BY "t23"."unit"
                    ORDER BY "t23"."ts" ASC, "t23"."seq" ASC, "t23"."label" ASC
                    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
                  ) AS "_finished"
                FROM (
                  SELECT
                    "t18"."unit" AS "unit",
                    "t18"."person" AS "person",
                    "t18"."ts" AS "ts",
                    "t18"."seq" AS "seq",
                    "t18"."label" AS "label",
                    "t18"."event" AS "event",
                    "t18"."channel" AS "channel",
                    "t18"."value" AS "value",
                    "t18"."properties" AS "properties",
                    "t18"."_pos" AS "_pos",
                    "t18"."_off" AS "_off",
                    "t18"."_rn" AS "_rn",
                    CASE
                      WHEN isNotNull("t18"."_pos")
                      THEN (
                        "t18"."_rn" * 5
                      ) + "t18"."_pos"
                      ELSE 0
                    END AS "_packed",
                    CASE WHEN COALESCE("t18"."_pos", 0) = 4 THEN 1 ELSE 0 END AS "_at_last"
                  FROM (
                    SELECT
                      "t10"."unit" AS "unit",
                      "t10"."person" AS "person",
                      "t10"."ts" AS "ts",
                      "t10"."seq" AS "seq",
                      "t10"."label" AS "label",
                      "t10"."event" AS "event",
                      "t10"."channel" AS "channel",
                      "t10"."value" AS "value",
                      "t10"."properties" AS "properties",
                      "t10"."_pos" AS "_pos",
                      "t10"."_off" AS "_off",
                      (
                        ROW_NUMBER() OVER (
                          PARTITION BY "t10"."unit"
                          ORDER BY "t10"."ts" ASC, "t10"."seq" ASC, "t10"."label" ASC
                          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                        ) - 1
                      ) + 1 AS "_rn"
                    FROM (
                      SELECT
                        "t6"."unit" AS "unit",
                        "t6"."person" AS "person",
                        "t6"."ts" AS "ts",
                        "t6"."seq" AS "seq",
                        "t6"."label" AS "label",
                        "t6"."event" AS "event",
                        "t6"."channel" AS "channel",
                        "t6"."value" AS "value",
                        "t6"."properties" AS "properties",
                        "t6"."_pos" AS "_pos",
                        "t6"."label" IN ('call', 'review') AND isNull("t6"."_pos") AS "_off"
                      FROM "t5" AS "t6"
                      WHERE
                        isNotNull("t6"."unit")
                        AND (
                          isNotNull("t6"."_pos")
                          OR (
                            "t6"."label" IN ('call', 'review') AND isNull("t6"."_pos")
                          )
                        )
                    ) AS "t10"
                  ) AS "t18"
                ) AS "t23"
              ) AS "t26"
              WHERE
                "t26"."_off" AND "t26"."_latest" > 0 AND "t26"."_finished" = 0
            ) AS "t34"
            UNION ALL
            SELECT
              *
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t27"."unit" AS "unit",
                  'skipped' AS "kind",
                  'consideration' AS "step"
                FROM "t25" AS "t27"
                WHERE
                  "t27"."_index" > 1 AND "t27"."_from" < 2 AND "t27"."_pos" > 2
              ) AS "t29"
              UNION ALL
              SELECT
                *
              FROM (
                SELECT
                  "t27"."unit" AS "unit",
                  'skipped' AS "kind",
                  'decision' AS "step"
                FROM "t25" AS "t27"
                WHERE
                  "t27"."_index" > 1 AND "t27"."_from" < 3 AND "t27"."_pos" > 3
              ) AS "t30"
            ) AS "t33"
          ) AS "t35"
        ) AS "t42"
        GROUP BY
          "t42"."unit",
          "t42"."kind",
          "t42"."step"
      ) AS "t43"
      GROUP BY
        "t43"."unit"
    ) AS "t44"
  ) AS "t46"
    ON "t41"."unit" = "t46"."_unit"
  INNER JOIN (
    SELECT
      "t17"."unit" AS "_unit",
      "t17"."channel" AS "group"
    FROM (
      SELECT
        "t4"."unit" AS "unit",
        COALESCE("t13"."_channel", '(none)') AS "channel"
      FROM (
        SELECT DISTINCT
          "t0"."unit" AS "unit"
        FROM "journey_events" AS "t0"
        WHERE
          isNotNull("t0"."unit")
      ) AS "t4"
      LEFT OUTER JOIN (
        SELECT
          "t8"."unit" AS "_unit",
          "t8"."channel" AS "_channel"
        FROM (
          SELECT
            "t3"."unit" AS "unit",
            "t3"."person" AS "person",
            "t3"."ts" AS "ts",
            "t3"."seq" AS "seq",
            "t3"."label" AS "label",
            "t3"."event" AS "event",
            "t3"."channel" AS "channel",
            "t3"."value" AS "value",
            "t3"."properties" AS "properties",
            ROW_NUMBER() OVER (
              PARTITION BY "t3"."unit"
              ORDER BY "t3"."ts" ASC, "t3"."seq" ASC, "t3"."label" ASC
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) - 1 AS "_rank"
          FROM (
            SELECT
              *
            FROM "journey_events" AS "t0"
            WHERE
              isNotNull("t0"."unit") AND isNotNull("t0"."channel")
          ) AS "t3"
        ) AS "t8"
        WHERE
          "t8"."_rank" = 0
      ) AS "t13"
        ON "t4"."unit" = "t13"."_unit"
    ) AS "t17"
  ) AS "t21"
    ON "t41"."unit" = "t21"."_unit"
) AS "t47"
GROUP BY
  "t47"."group"
