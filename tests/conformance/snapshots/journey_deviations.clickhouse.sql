WITH "t1" AS (
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
), "t7" AS (
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
    "t6"."_off" AS "_off",
    "t6"."_previous" AS "_previous",
    (
      ROW_NUMBER() OVER (
        PARTITION BY "t6"."unit"
        ORDER BY "t6"."ts" ASC, "t6"."seq" ASC, "t6"."label" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1
    ) + 1 AS "_index",
    lagInFrame("t6"."_pos") OVER (
      PARTITION BY "t6"."unit"
      ORDER BY "t6"."ts" ASC, "t6"."seq" ASC, "t6"."label" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS "_from"
  FROM (
    SELECT
      *
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
        "t3"."_pos" AS "_pos",
        "t3"."_off" AS "_off",
        lagInFrame("t3"."_pos") OVER (
          PARTITION BY "t3"."unit"
          ORDER BY "t3"."ts" ASC, "t3"."seq" ASC, "t3"."label" ASC
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
          "t2"."_pos" AS "_pos",
          "t2"."label" IN ('call', 'review') AND isNull("t2"."_pos") AS "_off"
        FROM "t1" AS "t2"
        WHERE
          isNotNull("t2"."unit")
          AND (
            isNotNull("t2"."_pos")
            OR (
              "t2"."label" IN ('call', 'review') AND isNull("t2"."_pos")
            )
          )
          AND isNotNull("t2"."_pos")
      ) AS "t3"
    ) AS "t5"
    WHERE
      isNull("t5"."_previous") OR (
        "t5"."_previous" <> "t5"."_pos"
      )
  ) AS "t6"
)
SELECT
  "t24"."unit" AS "unit",
  "t24"."kind" AS "kind",
  "t24"."step" AS "step",
  COUNT(*) AS "count"
FROM (
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t8"."unit" AS "unit",
        'backward' AS "kind",
        CASE
          WHEN "t8"."_from" = 1
          THEN 'awareness'
          WHEN "t8"."_from" = 2
          THEN 'consideration'
          WHEN "t8"."_from" = 3
          THEN 'decision'
          WHEN "t8"."_from" = 4
          THEN 'purchase'
          ELSE NULL
        END AS "step"
      FROM "t7" AS "t8"
      WHERE
        COALESCE("t8"."_from", 0) > 0 AND "t8"."_pos" < "t8"."_from"
    ) AS "t12"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        "t16"."unit" AS "unit",
        'out_of_order' AS "kind",
        CASE
          WHEN "t16"."_pos" = 1
          THEN 'awareness'
          WHEN "t16"."_pos" = 2
          THEN 'consideration'
          WHEN "t16"."_pos" = 3
          THEN 'decision'
          WHEN "t16"."_pos" = 4
          THEN 'purchase'
          ELSE NULL
        END AS "step"
      FROM (
        SELECT
          "t10"."unit" AS "unit",
          "t10"."_pos" AS "_pos",
          "t10"."_first" AS "_first",
          COALESCE(
            MAX("t10"."_first") OVER (
              PARTITION BY "t10"."unit"
              ORDER BY "t10"."_pos" ASC
              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 preceding
            ),
            0
          ) AS "_before"
        FROM (
          SELECT
            "t8"."unit" AS "unit",
            "t8"."_pos" AS "_pos",
            MIN("t8"."_index") AS "_first"
          FROM "t7" AS "t8"
          GROUP BY
            "t8"."unit",
            "t8"."_pos"
        ) AS "t10"
      ) AS "t16"
      WHERE
        "t16"."_first" < "t16"."_before"
    ) AS "t18"
  ) AS "t19"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t21"."unit" AS "unit",
        'unexpected' AS "kind",
        CASE
          WHEN (
            "t21"."_latest" % 5
          ) = 1
          THEN 'awareness'
          WHEN (
            "t21"."_latest" % 5
          ) = 2
          THEN 'consideration'
          WHEN (
            "t21"."_latest" % 5
          ) = 3
          THEN 'decision'
          WHEN (
            "t21"."_latest" % 5
          ) = 4
          THEN 'purchase'
          ELSE NULL
        END AS "step"
      FROM (
        SELECT
          "t20"."unit" AS "unit",
          "t20"."ts" AS "ts",
          "t20"."seq" AS "seq",
          "t20"."label" AS "label",
          "t20"."_pos" AS "_pos",
          "t20"."_rn" AS "_rn",
          "t20"."_packed" AS "_packed",
          "t20"."_at_last" AS "_at_last",
          MAX("t20"."_packed") OVER (
            PARTITION BY "t20"."unit"
            ORDER BY "t20"."ts" ASC, "t20"."seq" ASC, "t20"."label" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
          ) AS "_latest",
          MAX("t20"."_at_last") OVER (
            PARTITION BY "t20"."unit"
            ORDER BY "t20"."ts" ASC, "t20"."seq" ASC, "t20"."label" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
          ) AS "_finished"
        FROM (
          SELECT
            "t17"."unit" AS "unit",
            "t17"."ts" AS "ts",
            "t17"."seq" AS "seq",
            "t17"."label" AS "label",
            "t17"."_pos" AS "_pos",
            "t17"."_rn" AS "_rn",
            CASE
              WHEN isNotNull("t17"."_pos")
              THEN (
                "t17"."_rn" * 5
              ) + "t17"."_pos"
              ELSE 0
            END AS "_packed",
            CASE WHEN COALESCE("t17"."_pos", 0) = 4 THEN 1 ELSE 0 END AS "_at_last"
          FROM (
            SELECT
              "t11"."unit" AS "unit",
              "t11"."ts" AS "ts",
              "t11"."seq" AS "seq",
              "t11"."label" AS "label",
              "t11"."_pos" AS "_pos",
              (
                ROW_NUMBER() OVER (
                  PARTITION BY "t11"."unit"
                  ORDER BY "t11"."ts" ASC, "t11"."seq" ASC, "t11"."label" ASC
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) - 1
              ) + 1 AS "_rn"
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t8"."unit" AS "unit",
                  "t8"."ts" AS "ts",
                  "t8"."seq" AS "seq",
                  "t8"."label" AS "label",
                  "t8"."_pos" AS "_pos"
                FROM "t7" AS "t8"
              ) AS "t9"
              UNION ALL
              SELECT
                *
              FROM (
                SELECT
                  "t2"."unit" AS "unit",
                  "t2"."ts" AS "ts",
                  "t2"."seq" AS "seq",
                  "t2"."label" AS "label",
                  "t2"."_pos" AS "_pos"
                FROM "t1" AS "t2"
                WHERE
                  isNotNull("t2"."unit")
                  AND (
                    isNotNull("t2"."_pos")
                    OR (
                      "t2"."label" IN ('call', 'review') AND isNull("t2"."_pos")
                    )
                  )
                  AND (
                    "t2"."label" IN ('call', 'review') AND isNull("t2"."_pos")
                  )
              ) AS "t4"
            ) AS "t11"
          ) AS "t17"
        ) AS "t20"
      ) AS "t21"
      WHERE
        isNull("t21"."_pos") AND "t21"."_latest" > 0 AND "t21"."_finished" = 0
    ) AS "t22"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t8"."unit" AS "unit",
          'skipped' AS "kind",
          'consideration' AS "step"
        FROM "t7" AS "t8"
        WHERE
          COALESCE("t8"."_from", 0) > 0 AND "t8"."_from" < 2 AND "t8"."_pos" > 2
      ) AS "t13"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t8"."unit" AS "unit",
          'skipped' AS "kind",
          'decision' AS "step"
        FROM "t7" AS "t8"
        WHERE
          COALESCE("t8"."_from", 0) > 0 AND "t8"."_from" < 3 AND "t8"."_pos" > 3
      ) AS "t14"
    ) AS "t15"
  ) AS "t23"
) AS "t24"
GROUP BY
  "t24"."unit",
  "t24"."kind",
  "t24"."step"
