SELECT
  "t12".*
  EXCLUDE ("_b")
FROM (
  SELECT
    CAST(MAKE_TIMESTAMP(1970, 1, 5, 0, 0, 0.0) AS TIMESTAMP(6)) + TO_SECONDS("t11"."_cohort" * 604800) AS "cohort",
    "t11"."_b",
    "t11"."period",
    "t11"."cohort_size",
    "t11"."retained",
    "t11"."retained" / "t11"."cohort_size" AS "rate"
  FROM (
    SELECT
      "t10"."_cohort",
      "t10"."_b",
      "t10"."period",
      COUNT(*) AS "cohort_size",
      SUM(CASE WHEN "t10"."period" = 0 THEN 1 ELSE COALESCE("t10"."_hit", 0) END) AS "retained"
    FROM (
      SELECT
        "t9"."_cohort",
        "t9"."_b",
        "t9"."period",
        "t4"."_hit"
      FROM (
        SELECT
          "t7"."unit",
          "t7"."_cohort",
          "t7"."_b",
          "t7"."period",
          "t7"."_cohort" + "t7"."period" AS "_target"
        FROM (
          SELECT
            "t6"."unit",
            "t6"."_cohort",
            "t6"."_b",
            UNNEST([0, 1, 2, 3]) AS "period"
          FROM (
            SELECT
              "t5"."unit",
              "t5"."_cohort",
              "t5"."_cohort" AS "_b"
            FROM (
              SELECT
                "t2"."unit",
                MIN("t2"."_k") AS "_cohort"
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
                  CAST(FLOOR(
                    (
                      DATE_DIFF(
                        'MICROSECOND',
                        CAST(MAKE_TIMESTAMP(1970, 1, 5, 0, 0, 0.0) AS TIMESTAMP(6)),
                        "t0"."ts"
                      )
                    ) / (
                      604800000000
                    )
                  ) AS BIGINT) AS "_k"
                FROM "journey_events" AS "t0"
                WHERE
                  "t0"."unit" IS NOT NULL
              ) AS "t2"
              GROUP BY
                1
            ) AS "t5"
          ) AS "t6"
        ) AS "t7"
      ) AS "t9"
      LEFT OUTER JOIN (
        SELECT
          "t1"."unit",
          "t1"."_rk",
          1 AS "_hit"
        FROM (
          SELECT DISTINCT
            "t0"."unit",
            CAST(FLOOR(
              (
                DATE_DIFF(
                  'MICROSECOND',
                  CAST(MAKE_TIMESTAMP(1970, 1, 5, 0, 0, 0.0) AS TIMESTAMP(6)),
                  "t0"."ts"
                )
              ) / (
                604800000000
              )
            ) AS BIGINT) AS "_rk"
          FROM "journey_events" AS "t0"
          WHERE
            "t0"."unit" IS NOT NULL
        ) AS "t1"
      ) AS "t4"
        ON "t9"."unit" = "t4"."unit" AND "t9"."_target" = "t4"."_rk"
    ) AS "t10"
    GROUP BY
      1,
      2,
      3
  ) AS "t11"
) AS "t12"
