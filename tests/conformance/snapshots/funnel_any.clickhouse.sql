WITH "t6" AS (
  SELECT
    "t5"."unit" AS "unit",
    "t5"."ts" AS "ts",
    "t5"."seq" AS "seq",
    "t5"."label" AS "label",
    "t5"."_f_step" AS "_f_step",
    "t5"."_f_entry" AS "_f_entry",
    "t5"."_f_a0" AS "_f_a0",
    "t5"."_f_a1" AS "_f_a1",
    "t5"."_f_a2" AS "_f_a2",
    "t5"."_f_a3" AS "_f_a3",
    isNotNull("t5"."_f_a0") AS "_f_v0",
    isNotNull("t5"."_f_a1") AS "_f_v1",
    isNotNull("t5"."_f_a2") AS "_f_v2",
    isNotNull("t5"."_f_a3") AS "_f_v3"
  FROM (
    SELECT
      "t4".*
      EXCEPT ("_f_l0", "_f_l1", "_f_l2", "_f_l3")
    FROM (
      SELECT
        "t3"."unit" AS "unit",
        "t3"."ts" AS "ts",
        "t3"."seq" AS "seq",
        "t3"."label" AS "label",
        "t3"."_f_step" AS "_f_step",
        "t3"."_f_entry" AS "_f_entry",
        "t3"."_f_l0" AS "_f_l0",
        "t3"."_f_l1" AS "_f_l1",
        "t3"."_f_l2" AS "_f_l2",
        "t3"."_f_l3" AS "_f_l3",
        CASE
          WHEN isNotNull("t3"."_f_l0")
          THEN "t3"."_f_l0"
          ELSE CAST(NULL AS Nullable(DateTime))
        END AS "_f_a0",
        CASE
          WHEN isNotNull("t3"."_f_l0") AND isNotNull("t3"."_f_l1")
          THEN LEAST("t3"."_f_l0", "t3"."_f_l1")
          ELSE CAST(NULL AS Nullable(DateTime))
        END AS "_f_a1",
        CASE
          WHEN isNotNull("t3"."_f_l0") AND isNotNull("t3"."_f_l1") AND isNotNull("t3"."_f_l2")
          THEN LEAST("t3"."_f_l0", "t3"."_f_l1", "t3"."_f_l2")
          ELSE CAST(NULL AS Nullable(DateTime))
        END AS "_f_a2",
        CASE
          WHEN isNotNull("t3"."_f_l0")
          AND isNotNull("t3"."_f_l1")
          AND isNotNull("t3"."_f_l2")
          AND isNotNull("t3"."_f_l3")
          THEN LEAST("t3"."_f_l0", "t3"."_f_l1", "t3"."_f_l2", "t3"."_f_l3")
          ELSE CAST(NULL AS Nullable(DateTime))
        END AS "_f_a3"
      FROM (
        SELECT
          "t2"."unit" AS "unit",
          "t2"."ts" AS "ts",
          "t2"."seq" AS "seq",
          "t2"."label" AS "label",
          "t2"."_f_step" AS "_f_step",
          "t2"."_f_entry" AS "_f_entry",
          MAX(
            CASE
              WHEN "t2"."_f_step" = 'product_view'
              THEN "t2"."ts"
              ELSE CAST(NULL AS Nullable(DateTime))
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
              ELSE CAST(NULL AS Nullable(DateTime))
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
              ELSE CAST(NULL AS Nullable(DateTime))
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
              ELSE CAST(NULL AS Nullable(DateTime))
            END
          ) OVER (
            PARTITION BY "t2"."unit"
            ORDER BY "t2"."ts" ASC, "t2"."seq" ASC, "t2"."label" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
          ) AS "_f_l3"
        FROM (
          SELECT
            "t1"."unit" AS "unit",
            "t1"."ts" AS "ts",
            "t1"."seq" AS "seq",
            "t1"."label" AS "label",
            "t1"."_f_step" AS "_f_step",
            0 AS "_f_entry"
          FROM (
            SELECT
              "t0"."unit" AS "unit",
              "t0"."ts" AS "ts",
              "t0"."seq" AS "seq",
              "t0"."label" AS "label",
              CASE
                WHEN "t0"."label" IN ('product_view', 'add_to_cart', 'checkout_started', 'order_completed')
                THEN "t0"."label"
                ELSE CAST(NULL AS Nullable(String))
              END AS "_f_step"
            FROM "journey_events" AS "t0"
          ) AS "t1"
          WHERE
            isNotNull("t1"."unit") AND isNotNull("t1"."_f_step")
        ) AS "t2"
      ) AS "t3"
    ) AS "t4"
  ) AS "t5"
  WHERE
    isNotNull("t5"."_f_step")
)
SELECT
  "t13"."unit" AS "unit",
  "t13"."_f_entry" + 1 AS "entry",
  CASE
    WHEN isNotNull("t13"."_f_t3")
    THEN 4
    WHEN isNotNull("t13"."_f_t2")
    THEN 3
    WHEN isNotNull("t13"."_f_t1")
    THEN 2
    WHEN isNotNull("t13"."_f_t0")
    THEN 1
    ELSE CAST(NULL AS Nullable(Int64))
  END AS "reached",
  "t13"."_f_t0" AS "step_1_ts",
  "t13"."_f_t1" AS "step_2_ts",
  "t13"."_f_t2" AS "step_3_ts",
  "t13"."_f_t3" AS "step_4_ts",
  CASE
    WHEN "t13"."_f_entry" < 0
    THEN CAST(DATE_DIFF(MICROSECOND, "t13"."_f_s0", "t13"."_f_t0") AS Nullable(Float64)) / 1000000
    ELSE CAST(NULL AS Nullable(Float64))
  END AS "step_1_seconds",
  CASE
    WHEN "t13"."_f_entry" < 1
    THEN CAST(DATE_DIFF(MICROSECOND, "t13"."_f_s1", "t13"."_f_t1") AS Nullable(Float64)) / 1000000
    ELSE CAST(NULL AS Nullable(Float64))
  END AS "step_2_seconds",
  CASE
    WHEN "t13"."_f_entry" < 2
    THEN CAST(DATE_DIFF(MICROSECOND, "t13"."_f_s2", "t13"."_f_t2") AS Nullable(Float64)) / 1000000
    ELSE CAST(NULL AS Nullable(Float64))
  END AS "step_3_seconds",
  CASE
    WHEN "t13"."_f_entry" < 3
    THEN CAST(DATE_DIFF(MICROSECOND, "t13"."_f_s3", "t13"."_f_t3") AS Nullable(Float64)) / 1000000
    ELSE CAST(NULL AS Nullable(Float64))
  END AS "step_4_seconds"
FROM (
  SELECT
    "t12"."unit" AS "unit",
    MAX("t12"."_f_entry") AS "_f_entry",
    MAX("t12"."_f_t0") AS "_f_t0",
    MAX(
      CASE
        WHEN "t12"."_f_v0" AND (
          "t12"."ts" = "t12"."_f_t0"
        )
        THEN "t12"."_f_a0"
        ELSE CAST(NULL AS Nullable(DateTime))
      END
    ) AS "_f_s0",
    MAX("t12"."_f_t1") AS "_f_t1",
    MAX(
      CASE
        WHEN "t12"."_f_v1" AND (
          "t12"."ts" = "t12"."_f_t1"
        )
        THEN "t12"."_f_a1"
        ELSE CAST(NULL AS Nullable(DateTime))
      END
    ) AS "_f_s1",
    MAX("t12"."_f_t2") AS "_f_t2",
    MAX(
      CASE
        WHEN "t12"."_f_v2" AND (
          "t12"."ts" = "t12"."_f_t2"
        )
        THEN "t12"."_f_a2"
        ELSE CAST(NULL AS Nullable(DateTime))
      END
    ) AS "_f_s2",
    MAX("t12"."_f_t3") AS "_f_t3",
    MAX(
      CASE
        WHEN "t12"."_f_v3" AND (
          "t12"."ts" = "t12"."_f_t3"
        )
        THEN "t12"."_f_a3"
        ELSE CAST(NULL AS Nullable(DateTime))
      END
    ) AS "_f_s3"
  FROM (
    SELECT
      "t11".*
      EXCEPT ("_f_unit")
    FROM (
      SELECT
        "t8"."unit" AS "unit",
        "t8"."ts" AS "ts",
        "t8"."seq" AS "seq",
        "t8"."label" AS "label",
        "t8"."_f_step" AS "_f_step",
        "t8"."_f_entry" AS "_f_entry",
        "t8"."_f_a0" AS "_f_a0",
        "t8"."_f_a1" AS "_f_a1",
        "t8"."_f_a2" AS "_f_a2",
        "t8"."_f_a3" AS "_f_a3",
        "t8"."_f_v0" AS "_f_v0",
        "t8"."_f_v1" AS "_f_v1",
        "t8"."_f_v2" AS "_f_v2",
        "t8"."_f_v3" AS "_f_v3",
        "t10"."_f_unit" AS "_f_unit",
        "t10"."_f_t0" AS "_f_t0",
        "t10"."_f_t1" AS "_f_t1",
        "t10"."_f_t2" AS "_f_t2",
        "t10"."_f_t3" AS "_f_t3"
      FROM "t6" AS "t8"
      INNER JOIN (
        SELECT
          "t7"."unit" AS "_f_unit",
          MIN(CASE WHEN "t7"."_f_v0" THEN "t7"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END) AS "_f_t0",
          MIN(CASE WHEN "t7"."_f_v1" THEN "t7"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END) AS "_f_t1",
          MIN(CASE WHEN "t7"."_f_v2" THEN "t7"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END) AS "_f_t2",
          MIN(CASE WHEN "t7"."_f_v3" THEN "t7"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END) AS "_f_t3"
        FROM "t6" AS "t7"
        GROUP BY
          "t7"."unit"
      ) AS "t10"
        ON "t8"."unit" = "t10"."_f_unit"
    ) AS "t11"
  ) AS "t12"
  GROUP BY
    "t12"."unit"
) AS "t13"
WHERE
  isNotNull("t13"."_f_t0")
