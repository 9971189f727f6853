SELECT
  "t12".*
  EXCEPT ("_b")
FROM (
  SELECT
    CAST(parseDateTimeBestEffort('1970-01-05T00:00:00') AS Nullable(DateTime64(6))) + INTERVAL ("t11"."_cohort" * 604800) SECOND AS "cohort",
    "t11"."_b" AS "_b",
    "t11"."period" AS "period",
    "t11"."cohort_size" AS "cohort_size",
    "t11"."retained" AS "retained",
    "t11"."retained" / "t11"."cohort_size" AS "rate"
  FROM (
    SELECT
      "t10"."_cohort" AS "_cohort",
      "t10"."_b" AS "_b",
      "t10"."period" AS "period",
      COUNT(*) AS "cohort_size",
      SUM(CASE WHEN "t10"."period" = 0 THEN 1 ELSE COALESCE("t10"."_hit", 0) END) AS "retained"
    FROM (
      SELECT
        "t9"."_cohort" AS "_cohort",
        "t9"."_b" AS "_b",
        "t9"."period" AS "period",
        "t4"."_hit" AS "_hit"
      FROM (
        SELECT
          "t7"."unit" AS "unit",
          "t7"."_cohort" AS "_cohort",
          "t7"."_b" AS "_b",
          "t7"."period" AS "period",
          "t7"."_cohort" + "t7"."period" AS "_target"
        FROM (
          SELECT
            "t6"."unit" AS "unit",
            "t6"."_cohort" AS "_cohort",
            "t6"."_b" AS "_b",
            arrayJoin([0, 1, 2, 3]) AS "period"
          FROM (
            SELECT
              "t5"."unit" AS "unit",
              "t5"."_cohort" AS "_cohort",
              "t5"."_cohort" AS "_b"
            FROM (
              SELECT
                "t2"."unit" AS "unit",
                MIN("t2"."_k") AS "_cohort"
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
                  CAST(FLOOR(
                    (
                      DATE_DIFF(
                        MICROSECOND,
                        CAST(parseDateTimeBestEffort('1970-01-05T00:00:00') AS Nullable(DateTime64(6))),
                        "t0"."ts"
                      )
                    ) / (
                      604800000000
                    )
                  ) AS Nullable(Int64)) AS "_k"
                FROM "journey_events" AS "t0"
                WHERE
                  isNotNull("t0"."unit")
              ) AS "t2"
              GROUP BY
                "t2"."unit"
            ) AS "t5"
          ) AS "t6"
        ) AS "t7"
      ) AS "t9"
      LEFT OUTER JOIN (
        SELECT
          "t1"."unit" AS "unit",
          "t1"."_rk" AS "_rk",
          1 AS "_hit"
        FROM (
          SELECT DISTINCT
            "t0"."unit" AS "unit",
            CAST(FLOOR(
              (
                DATE_DIFF(
                  MICROSECOND,
                  CAST(parseDateTimeBestEffort('1970-01-05T00:00:00') AS Nullable(DateTime64(6))),
                  "t0"."ts"
                )
              ) / (
                604800000000
              )
            ) AS Nullable(Int64)) AS "_rk"
          FROM "journey_events" AS "t0"
          WHERE
            isNotNull("t0"."unit")
        ) AS "t1"
      ) AS "t4"
        ON "t9"."unit" = "t4"."unit" AND "t9"."_target" = "t4"."_rk"
    ) AS "t10"
    GROUP BY
      "t10"."_cohort",
      "t10"."_b",
      "t10"."period"
  ) AS "t11"
) AS "t12"
