WITH "t5" AS (
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
    END AS BIGINT) AS "_pos"
  FROM "journey_events" AS "t0"
), "t25" AS (
  SELECT
    "t20"."unit",
    "t20"."person",
    "t20"."ts",
    "t20"."seq",
    "t20"."label",
    "t20"."event",
    "t20"."channel",
    "t20"."value",
    "t20"."properties",
    "t20"."_pos",
    "t20"."_off",
    "t20"."_previous",
    (
      ROW_NUMBER() OVER (
        PARTITION BY "t20"."unit"
        ORDER BY "t20"."ts" ASC, "t20"."seq" ASC, "t20"."label" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1
    ) + 1 AS "_index",
    LAG("t20"."_pos") OVER (
      PARTITION BY "t20"."unit"
      ORDER BY "t20"."ts" ASC, "t20"."seq" ASC, "t20"."label" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS "_from"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t11"."unit",
        "t11"."person",
        "t11"."ts",
        "t11"."seq",
        "t11"."label",
        "t11"."event",
        "t11"."channel",
        "t11"."value",
        "t11"."properties",
        "t11"."_pos",
        "t11"."_off",
        LAG("t11"."_pos") OVER (
          PARTITION BY "t11"."unit"
          ORDER BY "t11"."ts" ASC, "t11"."seq" ASC, "t11"."label" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) AS "_previous"
      FROM (
        SELECT
          "t6"."unit",
          "t6"."person",
          "t6"."ts",
          "t6"."seq",
          "t6"."label",
          "t6"."event",
          "t6"."channel",
          "t6"."value",
          "t6"."properties",
          "t6"."_pos",
          "t6"."label" IN ('call', 'review') AND (
            "t6"."_pos" IS NULL
          ) AS "_off"
        FROM "t5" AS "t6"
        WHERE
          "t6"."unit" IS NOT NULL
          AND (
            (
              "t6"."_pos" IS NOT NULL
            )
            OR (
              "t6"."label" IN ('call', 'review') AND (
                "t6"."_pos" IS NULL
              )
            )
          )
          AND "t6"."_pos" IS NOT NULL
      ) AS "t11"
    ) AS "t15"
    WHERE
      (
        "t15"."_previous" IS NULL
      ) OR (
        "t15"."_previous" <> "t15"."_pos"
      )
  ) AS "t20"
)
SELECT
  "t47"."group",
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
    "t41"."unit",
    "t41"."fitness",
    "t41"."done",
    "t41"."missed",
    COALESCE("t46"."skipped", 0) AS "skipped",
    COALESCE("t41"."out_of_order", 0) AS "out_of_order",
    COALESCE("t46"."backward", 0) AS "backward",
    COALESCE("t46"."unexpected", 0) AS "unexpected",
    "t21"."_unit",
    "t21"."group"
  FROM (
    SELECT
      "t37"."unit",
      "t37"."done",
      "t37"."in_order",
      4 - "t37"."done" AS "missed",
      "t37"."done" - "t37"."in_order" AS "out_of_order",
      CAST("t37"."in_order" AS DOUBLE) / 4 AS "fitness"
    FROM (
      SELECT
        "t31"."unit",
        COUNT(*) AS "done",
        SUM(CASE WHEN "t31"."first" > "t31"."_before" THEN 1 ELSE 0 END) AS "in_order"
      FROM (
        SELECT
          "t24"."unit",
          "t24"."position",
          "t24"."first",
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
            "t22"."unit",
            "t22"."position",
            MIN("t22"."_index") + 1 AS "first"
          FROM (
            SELECT
              "t16"."unit",
              "t16"."person",
              "t16"."ts",
              "t16"."seq",
              "t16"."label",
              "t16"."event",
              "t16"."channel",
              "t16"."value",
              "t16"."properties",
              "t16"."position",
              ROW_NUMBER() OVER (
                PARTITION BY "t16"."unit"
                ORDER BY "t16"."ts" ASC, "t16"."seq" ASC, "t16"."label" ASC
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
              ) - 1 AS "_index"
            FROM (
              SELECT
                "t14".*
                EXCLUDE ("_previous")
              FROM (
                SELECT
                  *
                FROM (
                  SELECT
                    "t7"."unit",
                    "t7"."person",
                    "t7"."ts",
                    "t7"."seq",
                    "t7"."label",
                    "t7"."event",
                    "t7"."channel",
                    "t7"."value",
                    "t7"."properties",
                    "t7"."position",
                    LAG("t7"."label") OVER (
                      PARTITION BY "t7"."unit"
                      ORDER BY "t7"."ts" ASC, "t7"."seq" ASC, "t7"."label" ASC
                      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                    ) AS "_previous"
                  FROM (
                    SELECT
                      "t2"."unit",
                      "t2"."person",
                      "t2"."ts",
                      "t2"."seq",
                      "t2"."label",
                      "t2"."event",
                      "t2"."channel",
                      "t2"."value",
                      "t2"."properties",
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
                        "t0"."unit",
                        "t0"."person",
                        "t0"."ts",
                        "t0"."seq",
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
                          ELSE CAST(NULL AS TEXT)
                        END AS "label",
                        "t0"."event",
                        "t0"."channel",
                        "t0"."value",
                        "t0"."properties"
                      FROM "journey_events" AS "t0"
                    ) AS "t2"
                    WHERE
                      "t2"."label" IN ('awareness', 'consideration', 'decision', 'purchase')
                  ) AS "t7"
                ) AS "t9"
                WHERE
                  (
                    "t9"."_previous" IS NULL
                  ) OR (
                    "t9"."_previous" <> "t9"."label"
                  )
              ) AS "t14"
            ) AS "t16"
          ) AS "t22"
          GROUP BY
            1,
            2
        ) AS "t24"
      ) AS "t31"
      GROUP BY
        1
    ) AS "t37"
  ) AS "t41"
  LEFT OUTER JOIN (
    SELECT
      "t44"."unit" AS "_unit",
      "t44"."skipped",
      "t44"."out_of_order",
      "t44"."backward",
      "t44"."unexpected"
    FROM (
      SELECT
        "t43"."unit",
        SUM(CASE WHEN "t43"."kind" = 'skipped' THEN "t43"."count" ELSE 0 END) AS "skipped",
        SUM(CASE WHEN "t43"."kind" = 'out_of_order' THEN "t43"."count" ELSE 0 END) AS "out_of_order",
        SUM(CASE WHEN "t43"."kind" = 'backward' THEN "t43"."count" ELSE 0 END) AS "backward",
        SUM(CASE WHEN "t43"."kind" = 'unexpected' THEN "t43"."count" ELSE 0 END) AS "unexpected"
      FROM (
        SELECT
          "t42"."unit",
          "t42"."kind",
          "t42"."step",
          COUNT(*) AS "count"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                "t27"."unit",
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
                "t36"."unit",
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
                  "t28"."unit",
                  "t28"."_pos",
                  "t28"."_first",
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
                    "t27"."unit",
                    "t27"."_pos",
                    MIN("t27"."_index") AS "_first"
                  FROM "t25" AS "t27"
                  GROUP BY
                    1,
                    2
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
                "t26"."unit",
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
                  "t23"."unit",
                  "t23"."person",
                  "t23"."ts",
                  "t23"."seq",
                  "t23"."label",
                  "t23"."event",
                  "t23"."channel",
                  "t23"."value",
                  "t23"."properties",
                  "t23"."_pos",
                  "t23"."_off",
                  "t23"."_rn",
                  "t23"."_packed",
                  "t23"."_at_last",
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
                    "t18"."unit",
                    "t18"."person",
                    "t18"."ts",
                    "t18"."seq",
                    "t18"."label",
                    "t18"."event",
                    "t18"."channel",
                    "t18"."value",
                    "t18"."properties",
                    "t18"."_pos",
                    "t18"."_off",
                    "t18"."_rn",
                    CASE
                      WHEN "t18"."_pos" IS NOT NULL
                      THEN (
                        "t18"."_rn" * 5
                      ) + "t18"."_pos"
                      ELSE 0
                    END AS "_packed",
                    CASE WHEN COALESCE("t18"."_pos", 0) = 4 THEN 1 ELSE 0 END AS "_at_last"
                  FROM (
                    SELECT
                      "t10"."unit",
                      "t10"."person",
                      "t10"."ts",
                      "t10"."seq",
                      "t10"."label",
                      "t10"."event",
                      "t10"."channel",
                      "t10"."value",
                      "t10"."properties",
                      "t10"."_pos",
                      "t10"."_off",
                      (
                        ROW_NUMBER() OVER (
                          PARTITION BY "t10"."unit"
                          ORDER BY "t10"."ts" ASC, "t10"."seq" ASC, "t10"."label" ASC
                          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                        ) - 1
                      ) + 1 AS "_rn"
                    FROM (
                      SELECT
                        "t6"."unit",
                        "t6"."person",
                        "t6"."ts",
                        "t6"."seq",
                        "t6"."label",
                        "t6"."event",
                        "t6"."channel",
                        "t6"."value",
                        "t6"."properties",
                        "t6"."_pos",
                        "t6"."label" IN ('call', 'review') AND (
                          "t6"."_pos" IS NULL
                        ) AS "_off"
                      FROM "t5" AS "t6"
                      WHERE
                        "t6"."unit" IS NOT NULL
                        AND (
                          (
                            "t6"."_pos" IS NOT NULL
                          )
                          OR (
                            "t6"."label" IN ('call', 'review') AND (
                              "t6"."_pos" IS NULL
                            )
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
                  "t27"."unit",
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
                  "t27"."unit",
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
          1,
          2,
          3
      ) AS "t43"
      GROUP BY
        1
    ) AS "t44"
  ) AS "t46"
    ON "t41"."unit" = "t46"."_unit"
  INNER JOIN (
    SELECT
      "t17"."unit" AS "_unit",
      "t17"."channel" AS "group"
    FROM (
      SELECT
        "t4"."unit",
        COALESCE("t13"."_channel", '(none)') AS "channel"
      FROM (
        SELECT DISTINCT
          "t0"."unit"
        FROM "journey_events" AS "t0"
        WHERE
          "t0"."unit" IS NOT NULL
      ) AS "t4"
      LEFT OUTER JOIN (
        SELECT
          "t8"."unit" AS "_unit",
          "t8"."channel" AS "_channel"
        FROM (
          SELECT
            "t3"."unit",
            "t3"."person",
            "t3"."ts",
            "t3"."seq",
            "t3"."label",
            "t3"."event",
            "t3"."channel",
            "t3"."value",
            "t3"."properties",
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
              "t0"."unit" IS NOT NULL AND "t0"."channel" IS NOT NULL
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
  1
