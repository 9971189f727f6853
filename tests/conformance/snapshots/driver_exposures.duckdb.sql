WITH "t4" AS (
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
    ROW_NUMBER() OVER (
      PARTITION BY "t2"."person", "t2"."label"
      ORDER BY "t2"."ts" ASC, "t2"."seq" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1 AS "_nth",
    (
      ROW_NUMBER() OVER (
        PARTITION BY "t2"."person"
        ORDER BY "t2"."ts" ASC, "t2"."seq" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1
    ) = 0 AS "_first",
    DATE_DIFF(
      'MICROSECOND',
      LAG("t2"."ts") OVER (
        PARTITION BY "t2"."person"
        ORDER BY "t2"."ts" ASC, "t2"."seq" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ),
      "t2"."ts"
    ) AS "_gap"
  FROM (
    SELECT
      *
    FROM "journey_events" AS "t0"
    WHERE
      "t0"."person" IS NOT NULL AND "t0"."label" IS NOT NULL
  ) AS "t2"
), "t6" AS (
  SELECT
    "t3"."person",
    "t3"."_place",
    MIN("t3"."ts") AS "_ts",
    MIN(
      CASE
        WHEN (
          (
            "t3"."metric" = 'csat'
          ) AND (
            "t3"."score" <= 2
          )
        )
        OR (
          (
            "t3"."metric" = 'ces'
          ) AND (
            "t3"."score" >= 5
          )
        )
        OR (
          (
            "t3"."metric" = 'rating'
          ) AND (
            "t3"."satisfaction" <= 0.25
          )
        )
        THEN "t3"."ts"
        ELSE NULL
      END
    ) AS "_bad"
  FROM (
    SELECT
      "t1"."seq",
      "t1"."response_id",
      "t1"."person",
      "t1"."ts",
      "t1"."metric",
      "t1"."score",
      "t1"."scale_min",
      "t1"."scale_max",
      "t1"."touchpoint",
      "t1"."stage",
      "t1"."channel",
      "t1"."link",
      "t1"."known_person",
      "t1"."problem",
      "t1"."satisfaction",
      "t1"."emotion",
      COALESCE("t1"."touchpoint", "t1"."stage") AS "_place"
    FROM "answers" AS "t1"
    WHERE
      "t1"."problem" IS NULL
      AND "t1"."person" IS NOT NULL
      AND "t1"."metric" IN ('csat', 'ces', 'rating')
      AND COALESCE("t1"."touchpoint", "t1"."stage") IS NOT NULL
  ) AS "t3"
  GROUP BY
    1,
    2
), "t9" AS (
  SELECT
    *
  FROM "t4" AS "t5"
  WHERE
    "t5"."_nth" = 0 AND NOT (
      "t5"."_first"
    )
)
SELECT
  *
FROM (
  SELECT
    *
  FROM (
    SELECT
      "t5"."person",
      'contact:' || "t5"."label" AS "driver",
      'contact' AS "kind",
      "t5"."label" AS "place",
      CAST("t5"."ts" AS TIMESTAMP(6)) AS "ts"
    FROM "t4" AS "t5"
    WHERE
      "t5"."_nth" = 0
  ) AS "t7"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      "t5"."person",
      'repeat:' || "t5"."label" AS "driver",
      'repeat' AS "kind",
      "t5"."label" AS "place",
      CAST("t5"."ts" AS TIMESTAMP(6)) AS "ts"
    FROM "t4" AS "t5"
    WHERE
      "t5"."_nth" = 1
  ) AS "t8"
) AS "t11"
UNION ALL
SELECT
  *
FROM (
  SELECT
    *
  FROM (
    SELECT
      "t22"."person",
      'long_wait:' || "t22"."label" AS "driver",
      'long_wait' AS "kind",
      "t22"."label" AS "place",
      CAST("t22"."ts" AS TIMESTAMP(6)) AS "ts"
    FROM (
      SELECT
        "t13"."unit",
        "t13"."person",
        "t13"."ts",
        "t13"."seq",
        "t13"."label",
        "t13"."event",
        "t13"."channel",
        "t13"."value",
        "t13"."properties",
        "t13"."_nth",
        "t13"."_first",
        "t13"."_gap",
        "t21"."_w_label",
        "t21"."_p90",
        "t21"."_waits"
      FROM "t9" AS "t13"
      INNER JOIN (
        SELECT
          "t19"."label" AS "_w_label",
          "t19"."_p90",
          "t19"."_waits"
        FROM (
          SELECT
            "t18"."label",
            MAX(
              CASE
                WHEN (
                  (
                    (
                      "t18"."_through" - "t18"."_k"
                    ) * 10
                  ) < (
                    "t18"."_n" * 9
                  )
                )
                AND (
                  (
                    "t18"."_n" * 9
                  ) <= (
                    "t18"."_through" * 10
                  )
                )
                THEN "t18"."_gap"
                ELSE NULL
              END
            ) AS "_p90",
            SUM("t18"."_k") AS "_waits"
          FROM (
            SELECT
              "t14"."label",
              "t14"."_gap",
              "t14"."_k",
              SUM("t14"."_k") OVER (
                PARTITION BY "t14"."label"
                ORDER BY "t14"."_gap" ASC
                ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
              ) AS "_through",
              SUM("t14"."_k") OVER (
                PARTITION BY "t14"."label"
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
              ) AS "_n"
            FROM (
              SELECT
                "t12"."label",
                "t12"."_gap",
                COUNT(*) AS "_k"
              FROM "t9" AS "t12"
              GROUP BY
                1,
                2
            ) AS "t14"
          ) AS "t18"
          GROUP BY
            1
        ) AS "t19"
      ) AS "t21"
        ON "t13"."label" = "t21"."_w_label"
    ) AS "t22"
    WHERE
      "t22"."_waits" >= 10 AND "t22"."_gap" > "t22"."_p90"
  ) AS "t23"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t10"."person",
        'bad_score:' || "t10"."_place" AS "driver",
        'bad_score' AS "kind",
        "t10"."_place" AS "place",
        CAST("t10"."_bad" AS TIMESTAMP(6)) AS "ts"
      FROM "t6" AS "t10"
      WHERE
        "t10"."_bad" IS NOT NULL
    ) AS "t15"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        "t10"."person",
        'answered:' || "t10"."_place" AS "driver",
        'answered' AS "kind",
        "t10"."_place" AS "place",
        CAST("t10"."_ts" AS TIMESTAMP(6)) AS "ts"
      FROM "t6" AS "t10"
    ) AS "t16"
  ) AS "t17"
) AS "t24"
