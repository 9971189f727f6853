SELECT
  "t5"."unit" AS "unit",
  "t5"."_f_entry" + 1 AS "entry",
  CASE
    WHEN isNotNull("t5"."_f_t3")
    THEN 4
    WHEN isNotNull("t5"."_f_t2")
    THEN 3
    WHEN isNotNull("t5"."_f_t1")
    THEN 2
    WHEN isNotNull("t5"."_f_t0")
    THEN 1
    ELSE CAST(NULL AS Nullable(Int64))
  END AS "reached",
  "t5"."_f_t0" AS "step_1_ts",
  "t5"."_f_t1" AS "step_2_ts",
  "t5"."_f_t2" AS "step_3_ts",
  "t5"."_f_t3" AS "step_4_ts",
  CASE
    WHEN "t5"."_f_entry" < 0
    THEN CAST(DATE_DIFF(MICROSECOND, "t5"."_f_s0", "t5"."_f_t0") AS Nullable(Float64)) / 1000000
    ELSE CAST(NULL AS Nullable(Float64))
  END AS "step_1_seconds",
  CASE
    WHEN "t5"."_f_entry" < 1
    THEN CAST(DATE_DIFF(MICROSECOND, "t5"."_f_s1", "t5"."_f_t1") AS Nullable(Float64)) / 1000000
    ELSE CAST(NULL AS Nullable(Float64))
  END AS "step_2_seconds",
  CASE
    WHEN "t5"."_f_entry" < 2
    THEN CAST(DATE_DIFF(MICROSECOND, "t5"."_f_s2", "t5"."_f_t2") AS Nullable(Float64)) / 1000000
    ELSE CAST(NULL AS Nullable(Float64))
  END AS "step_3_seconds",
  CASE
    WHEN "t5"."_f_entry" < 3
    THEN CAST(DATE_DIFF(MICROSECOND, "t5"."_f_s3", "t5"."_f_t3") AS Nullable(Float64)) / 1000000
    ELSE CAST(NULL AS Nullable(Float64))
  END AS "step_4_seconds"
FROM (
  SELECT
    "t4"."unit" AS "unit",
    MAX("t4"."_f_entry") AS "_f_entry",
    MIN(CASE WHEN "t4"."_f_v0" THEN "t4"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END) AS "_f_t0",
    argMinIf(tuple("t4"."_f_a0"), "t4"."_f_pos", "t4"."_f_v0").1 AS "_f_s0",
    MIN(CASE WHEN "t4"."_f_v1" THEN "t4"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END) AS "_f_t1",
    argMinIf(tuple("t4"."_f_a1"), "t4"."_f_pos", "t4"."_f_v1").1 AS "_f_s1",
    MIN(CASE WHEN "t4"."_f_v2" THEN "t4"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END) AS "_f_t2",
    argMinIf(tuple("t4"."_f_a2"), "t4"."_f_pos", "t4"."_f_v2").1 AS "_f_s2",
    MIN(CASE WHEN "t4"."_f_v3" THEN "t4"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END) AS "_f_t3",
    argMinIf(tuple("t4"."_f_a3"), "t4"."_f_pos", "t4"."_f_v3").1 AS "_f_s3"
  FROM (
    SELECT
      "t3"."unit" AS "unit",
      "t3"."ts" AS "ts",
      "t3"."seq" AS "seq",
      "t3"."label" AS "label",
      "t3"."_f_step" AS "_f_step",
      "t3"."_f_entry" AS "_f_entry",
      "t3"."_f_pos" AS "_f_pos",
      "t3"."_f_a0" AS "_f_a0",
      "t3"."_f_a1" AS "_f_a1",
      "t3"."_f_a2" AS "_f_a2",
      "t3"."_f_a3" AS "_f_a3",
      isNotNull("t3"."_f_a0") AS "_f_v0",
      isNotNull("t3"."_f_a1") AS "_f_v1",
      isNotNull("t3"."_f_a2") AS "_f_v2",
      isNotNull("t3"."_f_a3") AS "_f_v3"
    FROM (
      SELECT
        "t2"."unit" AS "unit",
        "t2"."ts" AS "ts",
        "t2"."seq" AS "seq",
        "t2"."label" AS "label",
        "t2"."_f_step" AS "_f_step",
        "t2"."_f_entry" AS "_f_entry",
        "t2"."_f_pos" AS "_f_pos",
        CASE
          WHEN (
            "t2"."_f_step" = 'product_view'
          ) AND (
            "t2"."_f_entry" = 0
          )
          THEN "t2"."ts"
          ELSE CAST(NULL AS Nullable(DateTime))
        END AS "_f_a0",
        CASE
          WHEN (
            "t2"."_f_step" = 'add_to_cart'
          )
          AND (
            "t2"."_f_entry" = 0
          )
          AND (
            "t2"."_f_l1" = 'product_view'
          )
          THEN "t2"."_f_t1"
          ELSE CAST(NULL AS Nullable(DateTime))
        END AS "_f_a1",
        CASE
          WHEN (
            "t2"."_f_step" = 'checkout_started'
          )
          AND (
            "t2"."_f_entry" = 0
          )
          AND (
            "t2"."_f_l1" = 'add_to_cart'
          )
          AND (
            "t2"."_f_l2" = 'product_view'
          )
          THEN "t2"."_f_t2"
          ELSE CAST(NULL AS Nullable(DateTime))
        END AS "_f_a2",
        CASE
          WHEN (
            "t2"."_f_step" = 'order_completed'
          )
          AND (
            "t2"."_f_entry" = 0
          )
          AND (
            "t2"."_f_l1" = 'checkout_started'
          )
          AND (
            "t2"."_f_l2" = 'add_to_cart'
          )
          AND (
            "t2"."_f_l3" = 'product_view'
          )
          THEN "t2"."_f_t3"
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
          lagInFrame("t1"."_f_step", 1) OVER (
            PARTITION BY "t1"."unit"
            ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "_f_l1",
          lagInFrame("t1"."ts", 1) OVER (
            PARTITION BY "t1"."unit"
            ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "_f_t1",
          lagInFrame("t1"."_f_step", 2) OVER (
            PARTITION BY "t1"."unit"
            ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "_f_l2",
          lagInFrame("t1"."ts", 2) OVER (
            PARTITION BY "t1"."unit"
            ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "_f_t2",
          lagInFrame("t1"."_f_step", 3) OVER (
            PARTITION BY "t1"."unit"
            ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "_f_l3",
          lagInFrame("t1"."ts", 3) OVER (
            PARTITION BY "t1"."unit"
            ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "_f_t3"
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
            END AS "_f_step",
            0 AS "_f_entry"
          FROM "journey_events" AS "t0"
          WHERE
            isNotNull("t0"."unit")
        ) AS "t1"
      ) AS "t2"
      WHERE
        isNotNull("t2"."_f_step")
    ) AS "t3"
  ) AS "t4"
  GROUP BY
    "t4"."unit"
) AS "t5"
WHERE
  isNotNull("t5"."_f_t0")
