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
), "t9" AS (
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
    "t7"."_pos" AS "_pos",
    "t7"."_off" AS "_off",
    "t7"."_previous" AS "_previous",
    (
      ROW_NUMBER() OVER (
        PARTITION BY "t7"."unit"
        ORDER BY "t7"."ts" ASC, "t7"."seq" ASC, "t7"."label" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1
    ) + 1 AS "_index",
    lagInFrame("t7"."_pos") OVER (
      PARTITION BY "t7"."unit"
      ORDER BY "t7"."ts" ASC, "t7"."seq" ASC, "t7"."label" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS "_from"
  FROM (
    SELECT
      *
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
        "t4"."_pos" AS "_pos",
        "t4"."_off" AS "_off",
        lagInFrame("t4"."_pos") OVER (
          PARTITION BY "t4"."unit"
          ORDER BY "t4"."ts" ASC, "t4"."seq" ASC, "t4"."label" ASC
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
      ) AS "t4"
    ) AS "t5"
    WHERE
      isNull("t5"."_previous") OR (
        "t5"."_previous" <> "t5"."_pos"
      )
  ) AS "t7"
)
SELECT
  "t22"."unit" AS "unit",
  "t22"."kind" AS "kind",
  "t22"."step" AS "step",
  COUNT(*) AS "count"
FROM (
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t11"."unit" AS "unit",
        'backward' AS "kind",
        CASE
          WHEN "t11"."_from" = 1
          THEN 'awareness'
          WHEN "t11"."_from" = 2
          THEN 'consideration'
          WHEN "t11"."_from" = 3
          THEN 'decision'
          WHEN "t11"."_from" = 4
          THEN 'purchase'
          ELSE NULL
        END AS "step"
      FROM "t9" AS "t11"
      WHERE
        "t11"."_index" > 1 AND "t11"."_pos" < "t11"."_from"
    ) AS "t15"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        "t19"."unit" AS "unit",
        'out_of_order' AS "kind",
        CASE
          WHEN "t19"."_pos" = 1
          THEN 'awareness'
          WHEN "t19"."_pos" = 2
          THEN 'consideration'
          WHEN "t19"."_pos" = 3
          THEN 'decision'
          WHEN "t19"."_pos" = 4
          THEN 'purchase'
          ELSE NULL
        END AS "step"
      FROM (
        SELECT
          "t12"."unit" AS "unit",
          "t12"."_pos" AS "_pos",
          "t12"."_first" AS "_first",
          COALESCE(
            MAX("t12"."_first") OVER (
              PARTITION BY "t12"."unit"
              ORDER BY "t12"."_pos" ASC
              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 preceding
            ),
            0
          ) AS "_before"
        FROM (
          SELECT
            "t11"."unit" AS "unit",
            "t11"."_pos" AS "_pos",
            MIN("t11"."_index") AS "_first"
          FROM "t9" AS "t11"
          GROUP BY
            "t11"."unit",
            "t11"."_pos"
        ) AS "t12"
      ) AS "t19"
      WHERE
        "t19"."_first" < "t19"."_before"
    ) AS "t20"
  ) AS "t21"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t10"."unit" AS "unit",
        'unexpected' AS "kind",
        CASE
          WHEN (
            "t10"."_latest" % 5
          ) = 1
          THEN 'awareness'
          WHEN (
            "t10"."_latest" % 5
          ) = 2
          THEN 'consideration'
          WHEN (
            "t10"."_latest" % 5
          ) = 3
          THEN 'decision'
          WHEN (
            "t10"."_latest" % 5
          ) = 4
          THEN 'purchase'
          ELSE NULL
        END AS "step"
      FROM (
        SELECT
          "t8"."unit" AS "unit",
          "t8"."person" AS "person",
          "t8"."ts" AS "ts",
          "t8"."seq" AS "seq",
          "t8"."label" AS "label",
          "t8"."event" AS "event",
          "t8"."channel" AS "channel",
          "t8"."value" AS "value",
          "t8"."properties" AS "properties",
          "t8"."_pos" AS "_pos",
          "t8"."_off" AS "_off",
          "t8"."_rn" AS "_rn",
          "t8"."_packed" AS "_packed",
          "t8"."_at_last" AS "_at_last",
          MAX("t8"."_packed") OVER (
            PARTITION BY "t8"."unit"
            ORDER BY "t8"."ts" ASC, "t8"."seq" ASC, "t8"."label" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
          ) AS "_latest",
          MAX("t8"."_at_last") OVER (
            PARTITION BY "t8"."unit"
            ORDER BY "t8"."ts" ASC, "t8"."seq" ASC, "t8"."label" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
          ) AS "_finished"
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
            "t6"."_off" AS "_off",
            "t6"."_rn" AS "_rn",
            CASE WHEN isNotNull("t6"."_pos") THEN (
              "t6"."_rn" * 5
            ) + "t6"."_pos" ELSE 0 END AS "_packed",
            CASE WHEN COALESCE("t6"."_pos", 0) = 4 THEN 1 ELSE 0 END AS "_at_last"
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
              (
                ROW_NUMBER() OVER (
                  PARTITION BY "t3"."unit"
                  ORDER BY "t3"."ts" ASC, "t3"."seq" ASC, "t3"."label" ASC
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) - 1
              ) + 1 AS "_rn"
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
            ) AS "t3"
          ) AS "t6"
        ) AS "t8"
      ) AS "t10"
      WHERE
        "t10"."_off" AND "t10"."_latest" > 0 AND "t10"."_finished" = 0
    ) AS "t17"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t11"."unit" AS "unit",
          'skipped' AS "kind",
          'consideration' AS "step"
        FROM "t9" AS "t11"
        WHERE
          "t11"."_index" > 1 AND "t11"."_from" < 2 AND "t11"."_pos" > 2
      ) AS "t13"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t11"."unit" AS "unit",
          'skipped' AS "kind",
          'decision' AS "step"
        FROM "t9" AS "t11"
        WHERE
          "t11"."_index" > 1 AND "t11"."_from" < 3 AND "t11"."_pos" > 3
      ) AS "t14"
    ) AS "t16"
  ) AS "t18"
) AS "t22"
GROUP BY
  "t22"."unit",
  "t22"."kind",
  "t22"."step"
