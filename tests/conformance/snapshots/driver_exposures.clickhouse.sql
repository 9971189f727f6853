WITH "t4" AS (
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
      MICROSECOND,
      lagInFrame("t2"."ts") OVER (
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
      isNotNull("t0"."person") AND isNotNull("t0"."label")
  ) AS "t2"
), "t6" AS (
  SELECT
    "t3"."person" AS "person",
    "t3"."_place" AS "_place",
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
      "t1"."seq" AS "seq",
      "t1"."response_id" AS "response_id",
      "t1"."person" AS "person",
      "t1"."ts" AS "ts",
      "t1"."metric" AS "metric",
      "t1"."score" AS "score",
      "t1"."scale_min" AS "scale_min",
      "t1"."scale_max" AS "scale_max",
      "t1"."touchpoint" AS "touchpoint",
      "t1"."stage" AS "stage",
      "t1"."channel" AS "channel",
      "t1"."link" AS "link",
      "t1"."known_person" AS "known_person",
      "t1"."problem" AS "problem",
      "t1"."satisfaction" AS "satisfaction",
      "t1"."emotion" AS "emotion",
      COALESCE("t1"."touchpoint", "t1"."stage") AS "_place"
    FROM "answers" AS "t1"
    WHERE
      isNull("t1"."problem")
      AND isNotNull("t1"."person")
      AND "t1"."metric" IN ('csat', 'ces', 'rating')
      AND isNotNull(COALESCE("t1"."touchpoint", "t1"."stage"))
  ) AS "t3"
  GROUP BY
    "t3"."person",
    "t3"."_place"
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
      "t5"."person" AS "person",
      CONCAT('contact:', "t5"."label") AS "driver",
      'contact' AS "kind",
      "t5"."label" AS "place",
      CAST("t5"."ts" AS Nullable(DateTime64(6))) AS "ts"
    FROM "t4" AS "t5"
    WHERE
      "t5"."_nth" = 0
  ) AS "t7"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      "t5"."person" AS "person",
      CONCAT('repeat:', "t5"."label") AS "driver",
      'repeat' AS "kind",
      "t5"."label" AS "place",
      CAST("t5"."ts" AS Nullable(DateTime64(6))) AS "ts"
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
      "t22"."person" AS "person",
      CONCAT('long_wait:', "t22"."label") AS "driver",
      'long_wait' AS "kind",
      "t22"."label" AS "place",
      CAST("t22"."ts" AS Nullable(DateTime64(6))) AS "ts"
    FROM (
      SELECT
        "t13"."unit" AS "unit",
        "t13"."person" AS "person",
        "t13"."ts" AS "ts",
        "t13"."seq" AS "seq",
        "t13"."label" AS "label",
        "t13"."event" AS "event",
        "t13"."channel" AS "channel",
        "t13"."value" AS "value",
        "t13"."properties" AS "properties",
        "t13"."_nth" AS "_nth",
        "t13"."_first" AS "_first",
        "t13"."_gap" AS "_gap",
        "t21"."_w_label" AS "_w_label",
        "t21"."_p90" AS "_p90",
        "t21"."_waits" AS "_waits"
      FROM "t9" AS "t13"
      INNER JOIN (
        SELECT
          "t19"."label" AS "_w_label",
          "t19"."_p90" AS "_p90",
          "t19"."_waits" AS "_waits"
        FROM (
          SELECT
            "t18"."label" AS "label",
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
              "t14"."label" AS "label",
              "t14"."_gap" AS "_gap",
              "t14"."_k" AS "_k",
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
                "t12"."label" AS "label",
                "t12"."_gap" AS "_gap",
                COUNT(*) AS "_k"
              FROM "t9" AS "t12"
              GROUP BY
                "t12"."label",
                "t12"."_gap"
            ) AS "t14"
          ) AS "t18"
          GROUP BY
            "t18"."label"
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
        "t10"."person" AS "person",
        CONCAT('bad_score:', "t10"."_place") AS "driver",
        'bad_score' AS "kind",
        "t10"."_place" AS "place",
        CAST("t10"."_bad" AS Nullable(DateTime64(6))) AS "ts"
      FROM "t6" AS "t10"
      WHERE
        isNotNull("t10"."_bad")
    ) AS "t15"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        "t10"."person" AS "person",
        CONCAT('answered:', "t10"."_place") AS "driver",
        'answered' AS "kind",
        "t10"."_place" AS "place",
        CAST("t10"."_ts" AS Nullable(DateTime64(6))) AS "ts"
      FROM "t6" AS "t10"
    ) AS "t16"
  ) AS "t17"
) AS "t24"
