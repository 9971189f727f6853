WITH "t6" AS (
  SELECT
    "t5"."unit",
    "t5"."ts",
    "t5"."seq",
    "t5"."label",
    "t5"."_f_step",
    "t5"."_f_entry",
    "t5"."_f_a0",
    "t5"."_f_a1",
    "t5"."_f_a2",
    "t5"."_f_a3",
    "t5"."_f_a0" IS NOT NULL AS "_f_v0",
    "t5"."_f_a1" IS NOT NULL AS "_f_v1",
    "t5"."_f_a2" IS NOT NULL AS "_f_v2",
    "t5"."_f_a3" IS NOT NULL AS "_f_v3"
  FROM (
    SELECT
      "t4".*
      EXCLUDE ("_f_l0", "_f_l1", "_f_l2", "_f_l3")
    FROM (
      SELECT
        "t3"."unit",
        "t3"."ts",
        "t3"."seq",
        "t3"."label",
        "t3"."_f_step",
        "t3"."_f_entry",
        "t3"."_f_l0",
        "t3"."_f_l1",
        "t3"."_f_l2",
        "t3"."_f_l3",
        CASE
          WHEN "t3"."_f_l0" IS NOT NULL
          THEN "t3"."_f_l0"
          ELSE CAST(NULL AS TIMESTAMP)
        END AS "_f_a0",
        CASE
          WHEN (
            "t3"."_f_l0" IS NOT NULL
          ) AND (
            "t3"."_f_l1" IS NOT NULL
          )
          THEN LEAST("t3"."_f_l0", "t3"."_f_l1")
          ELSE CAST(NULL AS TIMESTAMP)
        END AS "_f_a1",
        CASE
          WHEN (
            "t3"."_f_l0" IS NOT NULL
          )
          AND (
            "t3"."_f_l1" IS NOT NULL
          )
          AND (
            "t3"."_f_l2" IS NOT NULL
          )
          THEN LEAST("t3"."_f_l0", "t3"."_f_l1", "t3"."_f_l2")
          ELSE CAST(NULL AS TIMESTAMP)
        END AS "_f_a2",
        CASE
          WHEN (
            "t3"."_f_l0" IS NOT NULL
          )
          AND (
            "t3"."_f_l1" IS NOT NULL
          )
          AND (
            "t3"."_f_l2" IS NOT NULL
          )
          AND (
            "t3"."_f_l3" IS NOT NULL
          )
          THEN LEAST("t3"."_f_l0", "t3"."_f_l1", "t3"."_f_l2", "t3"."_f_l3")
          ELSE CAST(NULL AS TIMESTAMP)
        END AS "_f_a3"
      FROM (
        SELECT
          "t2"."unit",
          "t2"."ts",
          "t2"."seq",
          "t2"."label",
          "t2"."_f_step",
          "t2"."_f_entry",
          MAX(
            CASE
              WHEN "t2"."_f_step" = 'product_view'
              THEN "t2"."ts"
              ELSE CAST(NULL AS TIMESTAMP)
            END
          ) OVER (
            PARTITION BY "t2"."unit"
            ORDER BY "t2"."ts" ASC, "t2"."seq" ASC, "t2"."label" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
          ) AS "_f_l0",
          MAX(
            CASE
              WHEN "t2"."_f_step" = 'add_to_cart'
              THEN "t2"."ts"
              ELSE CAST(NULL AS TIMESTAMP)
            END
          ) OVER (
            PARTITION BY "t2"."unit"
            ORDER BY "t2"."ts" ASC, "t2"."seq" ASC, "t2"."label" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
          ) AS "_f_l1",
          MAX(
            CASE
              WHEN "t2"."_f_step" = 'checkout_started'
              THEN "t2"."ts"
              ELSE CAST(NULL AS TIMESTAMP)
            END
          ) OVER (
            PARTITION BY "t2"."unit"
            ORDER BY "t2"."ts" ASC, "t2"."seq" ASC, "t2"."label" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
          ) AS "_f_l2",
          MAX(
            CASE
              WHEN "t2"."_f_step" = 'order_completed'
              THEN "t2"."ts"
              ELSE CAST(NULL AS TIMESTAMP)
            END
          ) OVER (
            PARTITION BY "t2"."unit"
            ORDER BY "t2"."ts" ASC, "t2"."seq" ASC, "t2"."label" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
          ) AS "_f_l3"
        FROM (
          SELECT
            "t1"."unit",
            "t1"."ts",
            "t1"."seq",
            "t1"."label",
            "t1"."_f_step",
            0 AS "_f_entry"
          FROM (
            SELECT
              "t0"."unit",
              "t0"."ts",
              "t0"."seq",
              "t0"."label",
              CASE
                WHEN "t0"."label" IN ('product_view', 'add_to_cart', 'checkout_started', 'order_completed')
                THEN "t0"."label"
                ELSE CAST(NULL AS TEXT)
              END AS "_f_step"
            FROM "journey_events" AS "t0"
          ) AS "t1"
          WHERE
            "t1"."unit" IS NOT NULL AND "t1"."_f_step" IS NOT NULL
        ) AS "t2"
      ) AS "t3"
    ) AS "t4"
  ) AS "t5"
  WHERE
    "t5"."_f_step" IS NOT NULL
)
SELECT
  "t13"."unit",
  "t13"."_f_entry" + 1 AS "entry",
  CASE
    WHEN "t13"."_f_t3" IS NOT NULL
    THEN 4
    WHEN "t13"."_f_t2" IS NOT NULL
    THEN 3
    WHEN "t13"."_f_t1" IS NOT NULL
    THEN 2
    WHEN "t13"."_f_t0" IS NOT NULL
    THEN 1
    ELSE CAST(NULL AS BIGINT)
  END AS "reached",
  "t13"."_f_t0" AS "step_1_ts",
  "t13"."_f_t1" AS "step_2_ts",
  "t13"."_f_t2" AS "step_3_ts",
  "t13"."_f_t3" AS "step_4_ts",
  CASE
    WHEN "t13"."_f_entry" < 0
    THEN CAST(DATE_DIFF('MICROSECOND', "t13"."_f_s0", "t13"."_f_t0") AS DOUBLE) / 1000000
    ELSE CAST(NULL AS DOUBLE)
  END AS "step_1_seconds",
  CASE
    WHEN "t13"."_f_entry" < 1
    THEN CAST(DATE_DIFF('MICROSECOND', "t13"."_f_s1", "t13"."_f_t1") AS DOUBLE) / 1000000
    ELSE CAST(NULL AS DOUBLE)
  END AS "step_2_seconds",
  CASE
    WHEN "t13"."_f_entry" < 2
    THEN CAST(DATE_DIFF('MICROSECOND', "t13"."_f_s2", "t13"."_f_t2") AS DOUBLE) / 1000000
    ELSE CAST(NULL AS DOUBLE)
  END AS "step_3_seconds",
  CASE
    WHEN "t13"."_f_entry" < 3
    THEN CAST(DATE_DIFF('MICROSECOND', "t13"."_f_s3", "t13"."_f_t3") AS DOUBLE) / 1000000
    ELSE CAST(NULL AS DOUBLE)
  END AS "step_4_seconds"
FROM (
  SELECT
    "t12"."unit",
    MAX("t12"."_f_entry") AS "_f_entry",
    MAX("t12"."_f_t0") AS "_f_t0",
    MAX(
      CASE
        WHEN "t12"."_f_v0" AND (
          "t12"."ts" = "t12"."_f_t0"
        )
        THEN "t12"."_f_a0"
        ELSE CAST(NULL AS TIMESTAMP)
      END
    ) AS "_f_s0",
    MAX("t12"."_f_t1") AS "_f_t1",
    MAX(
      CASE
        WHEN "t12"."_f_v1" AND (
          "t12"."ts" = "t12"."_f_t1"
        )
        THEN "t12"."_f_a1"
        ELSE CAST(NULL AS TIMESTAMP)
      END
    ) AS "_f_s1",
    MAX("t12"."_f_t2") AS "_f_t2",
    MAX(
      CASE
        WHEN "t12"."_f_v2" AND (
          "t12"."ts" = "t12"."_f_t2"
        )
        THEN "t12"."_f_a2"
        ELSE CAST(NULL AS TIMESTAMP)
      END
    ) AS "_f_s2",
    MAX("t12"."_f_t3") AS "_f_t3",
    MAX(
      CASE
        WHEN "t12"."_f_v3" AND (
          "t12"."ts" = "t12"."_f_t3"
        )
        THEN "t12"."_f_a3"
        ELSE CAST(NULL AS TIMESTAMP)
      END
    ) AS "_f_s3"
  FROM (
    SELECT
      "t11".*
      EXCLUDE ("_f_unit")
    FROM (
      SELECT
        "t8"."unit",
        "t8"."ts",
        "t8"."seq",
        "t8"."label",
        "t8"."_f_step",
        "t8"."_f_entry",
        "t8"."_f_a0",
        "t8"."_f_a1",
        "t8"."_f_a2",
        "t8"."_f_a3",
        "t8"."_f_v0",
        "t8"."_f_v1",
        "t8"."_f_v2",
        "t8"."_f_v3",
        "t10"."_f_unit",
        "t10"."_f_t0",
        "t10"."_f_t1",
        "t10"."_f_t2",
        "t10"."_f_t3"
      FROM "t6" AS "t8"
      INNER JOIN (
        SELECT
          "t7"."unit" AS "_f_unit",
          MIN(CASE WHEN "t7"."_f_v0" THEN "t7"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t0",
          MIN(CASE WHEN "t7"."_f_v1" THEN "t7"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t1",
          MIN(CASE WHEN "t7"."_f_v2" THEN "t7"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t2",
          MIN(CASE WHEN "t7"."_f_v3" THEN "t7"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t3"
        FROM "t6" AS "t7"
        GROUP BY
          1
      ) AS "t10"
        ON "t8"."unit" = "t10"."_f_unit"
    ) AS "t11"
  ) AS "t12"
  GROUP BY
    1
) AS "t13"
WHERE
  "t13"."_f_t0" IS NOT NULL
