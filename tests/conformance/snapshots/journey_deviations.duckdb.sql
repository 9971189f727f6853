WITH "t1" AS (
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
), "t7" AS (
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
    "t6"."_off",
    "t6"."_previous",
    (
      ROW_NUMBER() OVER (
        PARTITION BY "t6"."unit"
        ORDER BY "t6"."ts" ASC, "t6"."seq" ASC, "t6"."label" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1
    ) + 1 AS "_index",
    LAG("t6"."_pos") OVER (
      PARTITION BY "t6"."unit"
      ORDER BY "t6"."ts" ASC, "t6"."seq" ASC, "t6"."label" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS "_from"
  FROM (
    SELECT
      *
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
        "t3"."_pos",
        "t3"."_off",
        LAG("t3"."_pos") OVER (
          PARTITION BY "t3"."unit"
          ORDER BY "t3"."ts" ASC, "t3"."seq" ASC, "t3"."label" ASC
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
          "t2"."_pos",
          "t2"."label" IN ('call', 'review') AND (
            "t2"."_pos" IS NULL
          ) AS "_off"
        FROM "t1" AS "t2"
        WHERE
          "t2"."unit" IS NOT NULL
          AND (
            (
              "t2"."_pos" IS NOT NULL
            )
            OR (
              "t2"."label" IN ('call', 'review') AND (
                "t2"."_pos" IS NULL
              )
            )
          )
          AND "t2"."_pos" IS NOT NULL
      ) AS "t3"
    ) AS "t5"
    WHERE
      (
        "t5"."_previous" IS NULL
      ) OR (
        "t5"."_previous" <> "t5"."_pos"
      )
  ) AS "t6"
)
SELECT
  "t24"."unit",
  "t24"."kind",
  "t24"."step",
  COUNT(*) AS "count"
FROM (
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t8"."unit",
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
        "t16"."unit",
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
          "t10"."unit",
          "t10"."_pos",
          "t10"."_first",
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
            "t8"."unit",
            "t8"."_pos",
            MIN("t8"."_index") AS "_first"
          FROM "t7" AS "t8"
          GROUP BY
            1,
            2
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
        "t21"."unit",
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
          "t20"."unit",
          "t20"."ts",
          "t20"."seq",
          "t20"."label",
          "t20"."_pos",
          "t20"."_rn",
          "t20"."_packed",
          "t20"."_at_last",
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
            "t17"."unit",
            "t17"."ts",
            "t17"."seq",
            "t17"."label",
            "t17"."_pos",
            "t17"."_rn",
            CASE
              WHEN "t17"."_pos" IS NOT NULL
              THEN (
                "t17"."_rn" * 5
              ) + "t17"."_pos"
              ELSE 0
            END AS "_packed",
            CASE WHEN COALESCE("t17"."_pos", 0) = 4 THEN 1 ELSE 0 END AS "_at_last"
          FROM (
            SELECT
              "t11"."unit",
              "t11"."ts",
              "t11"."seq",
              "t11"."label",
              "t11"."_pos",
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
                  "t8"."unit",
                  "t8"."ts",
                  "t8"."seq",
                  "t8"."label",
                  "t8"."_pos"
                FROM "t7" AS "t8"
              ) AS "t9"
              UNION ALL
              SELECT
                *
              FROM (
                SELECT
                  "t2"."unit",
                  "t2"."ts",
                  "t2"."seq",
                  "t2"."label",
                  "t2"."_pos"
                FROM "t1" AS "t2"
                WHERE
                  "t2"."unit" IS NOT NULL
                  AND (
                    (
                      "t2"."_pos" IS NOT NULL
                    )
                    OR (
                      "t2"."label" IN ('call', 'review') AND (
                        "t2"."_pos" IS NULL
                      )
                    )
                  )
                  AND (
                    "t2"."label" IN ('call', 'review') AND (
                      "t2"."_pos" IS NULL
                    )
                  )
              ) AS "t4"
            ) AS "t11"
          ) AS "t17"
        ) AS "t20"
      ) AS "t21"
      WHERE
        "t21"."_pos" IS NULL AND "t21"."_latest" > 0 AND "t21"."_finished" = 0
    ) AS "t22"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t8"."unit",
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
          "t8"."unit",
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
  1,
  2,
  3
