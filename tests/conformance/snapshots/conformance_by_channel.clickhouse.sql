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
), "t23" AS (
  SELECT
    "t19"."unit" AS "unit",
    "t19"."person" AS "person",
    "t19"."ts" AS "ts",
    "t19"."seq" AS "seq",
    "t19"."label" AS "label",
    "t19"."event" AS "event",
    "t19"."channel" AS "channel",
    "t19"."value" AS "value",
    "t19"."properties" AS "properties",
    "t19"."_pos" AS "_pos",
    "t19"."_off" AS "_off",
    "t19"."_previous" AS "_previous",
    (
      ROW_NUMBER() OVER (
        PARTITION BY "t19"."unit"
        ORDER BY "t19"."ts" ASC, "t19"."seq" ASC, "t19"."label" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1
    ) + 1 AS "_index",
    lagInFrame("t19"."_pos") OVER (
      PARTITION BY "t19"."unit"
      ORDER BY "t19"."ts" ASC, "t19"."seq" ASC, "t19"."label" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS "_from"
  FROM (
    SELECT
      *
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
        lagInFrame("t10"."_pos") OVER (
          PARTITION BY "t10"."unit"
          ORDER BY "t10"."ts" ASC, "t10"."seq" ASC, "t10"."label" ASC
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
      ) AS "t10"
    ) AS "t15"
    WHERE
      isNull("t15"."_previous") OR (
        "t15"."_previous" <> "t15"."_pos"
      )
  ) AS "t19"
)
SELECT
  "t49"."group" AS "group",
  COUNT(*) AS "units",
  AVG("t49"."fitness") AS "mean_fitness",
  SUM(CASE WHEN "t49"."fitness" = 1 THEN 1 ELSE 0 END) AS "conforming",
  SUM("t49"."skipped") AS "skipped",
  SUM("t49"."out_of_order") AS "out_of_order",
  SUM("t49"."backward") AS "backward",
  SUM("t49"."unexpected") AS "unexpected",
  SUM(
    CASE
      WHEN (
        "t49"."skipped" > 0
      )
      OR (
        "t49"."out_of_order" > 0
      )
      OR (
        "t49"."backward" > 0
      )
      OR (
        "t49"."unexpected" > 0
      )
      THEN 1
      ELSE 0
    END
  ) AS "deviating_units"
FROM (
  SELECT
    "t39"."unit" AS "unit",
    "t39"."fitness" AS "fitness",
    "t39"."done" AS "done",
    "t39"."missed" AS "missed",
    COALESCE("t48"."skipped", 0) AS "skipped",
    COALESCE("t39"."out_of_order", 0) AS "out_of_order",
    COALESCE("t48"."backward", 0) AS "backward",
    COALESCE("t48"."unexpected", 0) AS "unexpected",
    "t20"."_unit" AS "_unit",
    "t20"."group" AS "group"
  FROM (
    SELECT
      "t34"."unit" AS "unit",
      "t34"."done" AS "done",
      "t34"."in_order" AS "in_order",
      4 - "t34"."done" AS "missed",
      "t34"."done" - "t34"."in_order" AS "out_of_order",
      CAST("t34"."in_order" AS Nullable(Float64)) / 4 AS "fitness"
    FROM (
      SELECT
        "t28"."unit" AS "unit",
        COUNT(*) AS "done",
        SUM(CASE WHEN "t28"."first" > "t28"."_before" THEN 1 ELSE 0 END) AS "in_order"
      FROM (
        SELECT
          "t22"."unit" AS "unit",
          "t22"."position" AS "position",
          "t22"."first" AS "first",
          COALESCE(
            MAX("t22"."first") OVER (
              PARTITION BY "t22"."unit"
              ORDER BY "t22"."position" ASC
              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 preceding
            ),
            0
          ) AS "_before"
        FROM (
          SELECT
            "t21"."unit" AS "unit",
            "t21"."position" AS "position",
            MIN("t21"."_index") + 1 AS "first"
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
          ) AS "t21"
          GROUP BY
            "t21"."unit",
            "t21"."position"
        ) AS "t22"
      ) AS "t28"
      GROUP BY
        "t28"."unit"
    ) AS "t34"
  ) AS "t39"
  LEFT OUTER JOIN (
    SELECT
      "t46"."unit" AS "_unit",
      "t46"."skipped" AS "skipped",
      "t46"."out_of_order" AS "out_of_order",
      "t46"."backward" AS "backward",
      "t46"."unexpected" AS "unexpected"
    FROM (
      SELECT
        "t45"."unit" AS "unit",
        SUM(CASE WHEN "t45"."kind" = 'skipped' THEN "t45"."count" ELSE 0 END) AS "skipped",
        SUM(CASE WHEN "t45"."kind" = 'out_of_order' THEN "t45"."count" ELSE 0 END) AS "out_of_order",
        SUM(CASE WHEN "t45"."kind" = 'backward' THEN "t45"."count" ELSE 0 END) AS "backward",
        SUM(CASE WHEN "t45"."kind" = 'unexpected' THEN "t45"."count" ELSE 0 END) AS "unexpected"
      FROM (
        SELECT
          "t44"."unit" AS "unit",
          "t44"."kind" AS "kind",
          "t44"."step" AS "step",
          COUNT(*) AS "count"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                "t24"."unit" AS "unit",
                'backward' AS "kind",
                CASE
                  WHEN "t24"."_from" = 1
                  THEN 'awareness'
                  WHEN "t24"."_from" = 2
                  THEN 'consideration'
                  WHEN "t24"."_from" = 3
                  THEN 'decision'
                  WHEN "t24"."_from" = 4
                  THEN 'purchase'
                  ELSE NULL
                END AS "step"
              FROM "t23" AS "t24"
              WHERE
                COALESCE("t24"."_from", 0) > 0 AND "t24"."_pos" < "t24"."_from"
            ) AS "t29"
            UNION ALL
            SELECT
              *
            FROM (
              SELECT
                "t33"."unit" AS "unit",
                'out_of_order' AS "kind",
                CASE
                  WHEN "t33"."_pos" = 1
                  THEN 'awareness'
                  WHEN "t33"."_pos" = 2
                  THEN 'consideration'
                  WHEN "t33"."_pos" = 3
                  THEN 'decision'
                  WHEN "t33"."_pos" = 4
                  THEN 'purchase'
                  ELSE NULL
                END AS "step"
              FROM (
                SELECT
                  "t26"."unit" AS "unit",
                  "t26"."_pos" AS "_pos",
                  "t26"."_first" AS "_first",
                  COALESCE(
                    MAX("t26"."_first") OVER (
                      PARTITION BY "t26"."unit"
                      ORDER BY "t26"."_pos" ASC
                      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 preceding
                    ),
                    0
                  ) AS "_before"
                FROM (
                  SELECT
                    "t24"."unit" AS "unit",
                    "t24"."_pos" AS "_pos",
                    MIN("t24"."_index") AS "_first"
                  FROM "t23" AS "t24"
                  GROUP BY
                    "t24"."unit",
                    "t24"."_pos"
                ) AS "t26"
              ) AS "t33"
              WHERE
                "t33"."_first" < "t33"."_before"
            ) AS "t36"
          ) AS "t38"
          UNION ALL
          SELECT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                "t41"."unit" AS "unit",
                'unexpected' AS "kind",
                CASE
                  WHEN (
                    "t41"."_latest" % 5
                  ) = 1
                  THEN 'awareness'
                  WHEN (
                    "t41"."_latest" % 5
                  ) = 2
                  THEN 'consideration'
                  WHEN (
                    "t41"."_latest" % 5
                  ) = 3
                  THEN 'decision'
                  WHEN (
                    "t41"."_latest" % 5
                  ) = 4
                  THEN 'purchase'
                  ELSE NULL
                END AS "step"
              FROM (
                SELECT
                  "t40"."unit" AS "unit",
                  "t40"."ts" AS "ts",
                  "t40"."seq" AS "seq",
                  "t40"."label" AS "label",
                  "t40"."_pos" AS "_pos",
                  "t40"."_rn" AS "_rn",
                  "t40"."_packed" AS "_packed",
                  "t40"."_at_last" AS "_at_last",
                  MAX("t40"."_packed") OVER (
                    PARTITION BY "t40"."unit"
                    ORDER BY "t40"."ts" ASC, "t40"."seq" ASC, "t40"."label" ASC
                    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
                  ) AS "_latest",
                  MAX("t40"."_at_last") OVER (
                    PARTITION BY "t40"."unit"
                    ORDER BY "t40"."ts" ASC, "t40"."seq" ASC, "t40"."label" ASC
                    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
                  ) AS "_finished"
                FROM (
                  SELECT
                    "t35"."unit" AS "unit",
                    "t35"."ts" AS "ts",
                    "t35"."seq" AS "seq",
                    "t35"."label" AS "label",
                    "t35"."_pos" AS "_pos",
                    "t35"."_rn" AS "_rn",
                    CASE
                      WHEN isNotNull("t35"."_pos")
                      THEN (
                        "t35"."_rn" * 5
                      ) + "t35"."_pos"
                      ELSE 0
                    END AS "_packed",
                    CASE WHEN COALESCE("t35"."_pos", 0) = 4 THEN 1 ELSE 0 END AS "_at_last"
                  FROM (
                    SELECT
                      "t27"."unit" AS "unit",
                      "t27"."ts" AS "ts",
                      "t27"."seq" AS "seq",
                      "t27"."label" AS "label",
                      "t27"."_pos" AS "_pos",
                      (
                        ROW_NUMBER() OVER (
                          PARTITION BY "t27"."unit"
                          ORDER BY "t27"."ts" ASC, "t27"."seq" ASC, "t27"."label" ASC
                          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                        ) - 1
                      ) + 1 AS "_rn"
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          "t24"."unit" AS "unit",
                          "t24"."ts" AS "ts",
                          "t24"."seq" AS "seq",
                          "t24"."label" AS "label",
                          "t24"."_pos" AS "_pos"
                        FROM "t23" AS "t24"
                      ) AS "t25"
                      UNION ALL
                      SELECT
                        *
                      FROM (
                        SELECT
                          "t6"."unit" AS "unit",
                          "t6"."ts" AS "ts",
                          "t6"."seq" AS "seq",
                          "t6"."label" AS "label",
                          "t6"."_pos" AS "_pos"
                        FROM "t5" AS "t6"
                        WHERE
                          isNotNull("t6"."unit")
                          AND (
                            isNotNull("t6"."_pos")
                            OR (
                              "t6"."label" IN ('call', 'review') AND isNull("t6"."_pos")
                            )
                          )
                          AND (
                            "t6"."label" IN ('call', 'review') AND isNull("t6"."_pos")
                          )
                      ) AS "t11"
                    ) AS "t27"
                  ) AS "t35"
                ) AS "t40"
              ) AS "t41"
              WHERE
                isNull("t41"."_pos") AND "t41"."_latest" > 0 AND "t41"."_finished" = 0
            ) AS "t42"
            UNION ALL
            SELECT
              *
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t24"."unit" AS "unit",
                  'skipped' AS "kind",
                  'consideration' AS "step"
                FROM "t23" AS "t24"
                WHERE
                  COALESCE("t24"."_from", 0) > 0 AND "t24"."_from" < 2 AND "t24"."_pos" > 2
              ) AS "t30"
              UNION ALL
              SELECT
                *
              FROM (
                SELECT
                  "t24"."unit" AS "unit",
                  'skipped' AS "kind",
                  'decision' AS "step"
                FROM "t23" AS "t24"
                WHERE
                  COALESCE("t24"."_from", 0) > 0 AND "t24"."_from" < 3 AND "t24"."_pos" > 3
              ) AS "t31"
            ) AS "t32"
          ) AS "t43"
        ) AS "t44"
        GROUP BY
          "t44"."unit",
          "t44"."kind",
          "t44"."step"
      ) AS "t45"
      GROUP BY
        "t45"."unit"
    ) AS "t46"
  ) AS "t48"
    ON "t39"."unit" = "t48"."_unit"
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
            ) - 1 AS "_first_rank"
          FROM (
            SELECT
              *
            FROM "journey_events" AS "t0"
            WHERE
              isNotNull("t0"."unit") AND isNotNull("t0"."channel")
          ) AS "t3"
        ) AS "t8"
        WHERE
          "t8"."_first_rank" = 0
      ) AS "t13"
        ON "t4"."unit" = "t13"."_unit"
    ) AS "t17"
  ) AS "t20"
    ON "t39"."unit" = "t20"."_unit"
) AS "t49"
GROUP BY
  "t49"."group"
