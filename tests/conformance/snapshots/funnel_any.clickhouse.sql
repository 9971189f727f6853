SELECT
  "t6"."unit" AS "unit",
  "t6"."_f_entry" + 1 AS "entry",
  CASE
    WHEN isNotNull("t6"."_f_t3")
    THEN 4
    WHEN isNotNull("t6"."_f_t2")
    THEN 3
    WHEN isNotNull("t6"."_f_t1")
    THEN 2
    WHEN isNotNull("t6"."_f_t0")
    THEN 1
    ELSE CAST(NULL AS Nullable(Int64))
  END AS "reached",
  "t6"."_f_t0" AS "step_1_ts",
  "t6"."_f_t1" AS "step_2_ts",
  "t6"."_f_t2" AS "step_3_ts",
  "t6"."_f_t3" AS "step_4_ts",
  CASE
    WHEN "t6"."_f_entry" < 0
    THEN CAST(DATE_DIFF(MICROSECOND, "t6"."_f_s0", "t6"."_f_t0") AS Nullable(Float64)) / 1000000
    ELSE CAST(NULL AS Nullable(Float64))
  END AS "step_1_seconds",
  CASE
    WHEN "t6"."_f_entry" < 1
    THEN CAST(DATE_DIFF(MICROSECOND, "t6"."_f_s1", "t6"."_f_t1") AS Nullable(Float64)) / 1000000
    ELSE CAST(NULL AS Nullable(Float64))
  END AS "step_2_seconds",
  CASE
    WHEN "t6"."_f_entry" < 2
    THEN CAST(DATE_DIFF(MICROSECOND, "t6"."_f_s2", "t6"."_f_t2") AS Nullable(Float64)) / 1000000
    ELSE CAST(NULL AS Nullable(Float64))
  END AS "step_3_seconds",
  CASE
    WHEN "t6"."_f_entry" < 3
    THEN CAST(DATE_DIFF(MICROSECOND, "t6"."_f_s3", "t6"."_f_t3") AS Nullable(Float64)) / 1000000
    ELSE CAST(NULL AS Nullable(Float64))
  END AS "step_4_seconds"
FROM (
  SELECT
    "t5"."unit" AS "unit",
    MAX("t5"."_f_entry") AS "_f_entry",
    MIN(CASE WHEN "t5"."_f_v0" THEN "t5"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END) AS "_f_t0",
    argMinIf(tuple("t5"."_f_a0"), "t5"."_f_pos", "t5"."_f_v0").1 AS "_f_s0",
    MIN(CASE WHEN "t5"."_f_v1" THEN "t5"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END) AS "_f_t1",
    argMinIf(tuple("t5"."_f_a1"), "t5"."_f_pos", "t5"."_f_v1").1 AS "_f_s1",
    MIN(CASE WHEN "t5"."_f_v2" THEN "t5"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END) AS "_f_t2",
    argMinIf(tuple("t5"."_f_a2"), "t5"."_f_pos", "t5"."_f_v2").1 AS "_f_s2",
    MIN(CASE WHEN "t5"."_f_v3" THEN "t5"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END) AS "_f_t3",
    argMinIf(tuple("t5"."_f_a3"), "t5"."_f_pos", "t5"."_f_v3").1 AS "_f_s3"
  FROM (
    SELECT
      "t4"."unit" AS "unit",
      "t4"."ts" AS "ts",
      "t4"."seq" AS "seq",
      "t4"."label" AS "label",
      "t4"."_f_step" AS "_f_step",
      "t4"."_f_entry" AS "_f_entry",
      "t4"."_f_pos" AS "_f_pos",
      "t4"."_f_a0" AS "_f_a0",
      "t4"."_f_a1" AS "_f_a1",
      "t4"."_f_a2" AS "_f_a2",
      "t4"."_f_a3" AS "_f_a3",
      isNotNull("t4"."_f_a0") AS "_f_v0",
      isNotNull("t4"."_f_a1") AS "_f_v1",
      isNotNull("t4"."_f_a2") AS "_f_v2",
      isNotNull("t4"."_f_a3") AS "_f_v3"
    FROM (
      SELECT
        "t3".*
        EXCEPT ("_f_l0", "_f_l1", "_f_l2", "_f_l3")
      FROM (
        SELECT
          "t2"."unit" AS "unit",
          "t2"."ts" AS "ts",
          "t2"."seq" AS "seq",
          "t2"."label" AS "label",
          "t2"."_f_step" AS "_f_step",
          "t2"."_f_entry" AS "_f_entry",
          "t2"."_f_pos" AS "_f_pos",
          "t2"."_f_l0" AS "_f_l0",
          "t2"."_f_l1" AS "_f_l1",
          "t2"."_f_l2" AS "_f_l2",
          "t2"."_f_l3" AS "_f_l3",
          CASE
            WHEN isNotNull("t2"."_f_l0")
            THEN "t2"."_f_l0"
            ELSE CAST(NULL AS Nullable(DateTime))
          END AS "_f_a0",
          CASE
            WHEN isNotNull("t2"."_f_l0") AND isNotNull("t2"."_f_l1")
            THEN LEAST("t2"."_f_l0", "t2"."_f_l1")
            ELSE CAST(NULL AS Nullable(DateTime))
          END AS "_f_a1",
          CASE
            WHEN isNotNull("t2"."_f_l0") AND isNotNull("t2"."_f_l1") AND isNotNull("t2"."_f_l2")
            THEN LEAST("t2"."_f_l0", "t2"."_f_l1", "t2"."_f_l2")
            ELSE CAST(NULL AS Nullable(DateTime))
          END AS "_f_a2",
          CASE
            WHEN isNotNull("t2"."_f_l0")
            AND isNotNull("t2"."_f_l1")
            AND isNotNull("t2"."_f_l2")
            AND isNotNull("t2"."_f_l3")
            THEN LEAST("t2"."_f_l0", "t2"."_f_l1", "t2"."_f_l2", "t2"."_f_l3")
            ELSE CAST(NULL AS Nullable(DateTime))
          END AS "_f_a3"
        FROM (
          SELECT
            "t1"."unit" AS "unit",
            "t1"."ts" AS "ts",
            "t1"."seq" AS "seq",
            "t1"."label" AS "label",
            "t1"."_f_step" AS "_f_step",
            "t1"."_f_entry" AS "_f_entry",
            ROW_NUMBER() OVER (
              PARTITION BY "t1"."unit"
              ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) - 1 AS "_f_pos",
            MAX(
              CASE
                WHEN "t1"."_f_step" = 'product_view'
                THEN "t1"."ts"
                ELSE CAST(NULL AS Nullable(DateTime))
              END
            ) OVER (
              PARTITION BY "t1"."unit"
              ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
            ) AS "_f_l0",
            MAX(
              CASE
                WHEN "t1"."_f_step" = 'add_to_cart'
                THEN "t1"."ts"
                ELSE CAST(NULL AS Nullable(DateTime))
              END
            ) OVER (
              PARTITION BY "t1"."unit"
              ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
            ) AS "_f_l1",
            MAX(
              CASE
                WHEN "t1"."_f_step" = 'checkout_started'
                THEN "t1"."ts"
                ELSE CAST(NULL AS Nullable(DateTime))
              END
            ) OVER (
              PARTITION BY "t1"."unit"
              ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
            ) AS "_f_l2",
            MAX(
              CASE
                WHEN "t1"."_f_step" = 'order_completed'
                THEN "t1"."ts"
                ELSE CAST(NULL AS Nullable(DateTime))
              END
            ) OVER (
              PARTITION BY "t1"."unit"
              ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
            ) AS "_f_l3"
          FROM (
            SELECT
              "t0"."unit" AS "unit",
              "t0"."ts" AS "ts",
              "t0"."seq" AS "seq",
              "t0"."label" AS "label",
              "t0"."label" AS "_f_step",
              0 AS "_f_entry"
            FROM "journey_events" AS "t0"
            WHERE
              isNotNull("t0"."unit")
              AND "t0"."label" IN ('add_to_cart', 'checkout_started', 'order_completed', 'product_view')
          ) AS "t1"
        ) AS "t2"
      ) AS "t3"
    ) AS "t4"
    WHERE
      isNotNull("t4"."_f_step")
  ) AS "t5"
  GROUP BY
    "t5"."unit"
) AS "t6"
WHERE
  isNotNull("t6"."_f_t0")
