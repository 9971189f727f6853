SELECT
  "t6"."unit",
  "t6"."_f_entry" + 1 AS "entry",
  CASE
    WHEN "t6"."_f_t3" IS NOT NULL
    THEN 4
    WHEN "t6"."_f_t2" IS NOT NULL
    THEN 3
    WHEN "t6"."_f_t1" IS NOT NULL
    THEN 2
    WHEN "t6"."_f_t0" IS NOT NULL
    THEN 1
    ELSE CAST(NULL AS BIGINT)
  END AS "reached",
  "t6"."_f_t0" AS "step_1_ts",
  "t6"."_f_t1" AS "step_2_ts",
  "t6"."_f_t2" AS "step_3_ts",
  "t6"."_f_t3" AS "step_4_ts",
  CASE
    WHEN "t6"."_f_entry" < 0
    THEN CAST(DATE_DIFF('MICROSECOND', "t6"."_f_s0", "t6"."_f_t0") AS DOUBLE) / 1000000
    ELSE CAST(NULL AS DOUBLE)
  END AS "step_1_seconds",
  CASE
    WHEN "t6"."_f_entry" < 1
    THEN CAST(DATE_DIFF('MICROSECOND', "t6"."_f_s1", "t6"."_f_t1") AS DOUBLE) / 1000000
    ELSE CAST(NULL AS DOUBLE)
  END AS "step_2_seconds",
  CASE
    WHEN "t6"."_f_entry" < 2
    THEN CAST(DATE_DIFF('MICROSECOND', "t6"."_f_s2", "t6"."_f_t2") AS DOUBLE) / 1000000
    ELSE CAST(NULL AS DOUBLE)
  END AS "step_3_seconds",
  CASE
    WHEN "t6"."_f_entry" < 3
    THEN CAST(DATE_DIFF('MICROSECOND', "t6"."_f_s3", "t6"."_f_t3") AS DOUBLE) / 1000000
    ELSE CAST(NULL AS DOUBLE)
  END AS "step_4_seconds"
FROM (
  SELECT
    "t5"."unit",
    MAX("t5"."_f_entry") AS "_f_entry",
    MIN(CASE WHEN "t5"."_f_v0" THEN "t5"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t0",
    FIRST("t5"."_f_a0" ORDER BY "t5"."_f_pos") FILTER(WHERE
      "t5"."_f_v0") AS "_f_s0",
    MIN(CASE WHEN "t5"."_f_v1" THEN "t5"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t1",
    FIRST("t5"."_f_a1" ORDER BY "t5"."_f_pos") FILTER(WHERE
      "t5"."_f_v1") AS "_f_s1",
    MIN(CASE WHEN "t5"."_f_v2" THEN "t5"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t2",
    FIRST("t5"."_f_a2" ORDER BY "t5"."_f_pos") FILTER(WHERE
      "t5"."_f_v2") AS "_f_s2",
    MIN(CASE WHEN "t5"."_f_v3" THEN "t5"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t3",
    FIRST("t5"."_f_a3" ORDER BY "t5"."_f_pos") FILTER(WHERE
      "t5"."_f_v3") AS "_f_s3"
  FROM (
    SELECT
      "t4"."unit",
      "t4"."ts",
      "t4"."seq",
      "t4"."label",
      "t4"."_f_step",
      "t4"."_f_entry",
      "t4"."_f_pos",
      "t4"."_f_a0",
      "t4"."_f_a1",
      "t4"."_f_a2",
      "t4"."_f_a3",
      "t4"."_f_a0" IS NOT NULL AS "_f_v0",
      "t4"."_f_a1" IS NOT NULL AS "_f_v1",
      "t4"."_f_a2" IS NOT NULL AS "_f_v2",
      "t4"."_f_a3" IS NOT NULL AS "_f_v3"
    FROM (
      SELECT
        "t3".*
        EXCLUDE ("_f_l0", "_f_l1", "_f_l2", "_f_l3")
      FROM (
        SELECT
          "t2"."unit",
          "t2"."ts",
          "t2"."seq",
          "t2"."label",
          "t2"."_f_step",
          "t2"."_f_entry",
          "t2"."_f_pos",
          "t2"."_f_l0",
          "t2"."_f_l1",
          "t2"."_f_l2",
          "t2"."_f_l3",
          CASE
            WHEN "t2"."_f_l0" IS NOT NULL
            THEN "t2"."_f_l0"
            ELSE CAST(NULL AS TIMESTAMP)
          END AS "_f_a0",
          CASE
            WHEN (
              "t2"."_f_l0" IS NOT NULL
            ) AND (
              "t2"."_f_l1" IS NOT NULL
            )
            THEN LEAST("t2"."_f_l0", "t2"."_f_l1")
            ELSE CAST(NULL AS TIMESTAMP)
          END AS "_f_a1",
          CASE
            WHEN (
              "t2"."_f_l0" IS NOT NULL
            )
            AND (
              "t2"."_f_l1" IS NOT NULL
            )
            AND (
              "t2"."_f_l2" IS NOT NULL
            )
            THEN LEAST("t2"."_f_l0", "t2"."_f_l1", "t2"."_f_l2")
            ELSE CAST(NULL AS TIMESTAMP)
          END AS "_f_a2",
          CASE
            WHEN (
              "t2"."_f_l0" IS NOT NULL
            )
            AND (
              "t2"."_f_l1" IS NOT NULL
            )
            AND (
              "t2"."_f_l2" IS NOT NULL
            )
            AND (
              "t2"."_f_l3" IS NOT NULL
            )
            THEN LEAST("t2"."_f_l0", "t2"."_f_l1", "t2"."_f_l2", "t2"."_f_l3")
            ELSE CAST(NULL AS TIMESTAMP)
          END AS "_f_a3"
        FROM (
          SELECT
            "t1"."unit",
            "t1"."ts",
            "t1"."seq",
            "t1"."label",
            "t1"."_f_step",
            "t1"."_f_entry",
            ROW_NUMBER() OVER (
              PARTITION BY "t1"."unit"
              ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) - 1 AS "_f_pos",
            MAX(
              CASE
                WHEN "t1"."_f_step" = 'product_view'
                THEN "t1"."ts"
                ELSE CAST(NULL AS TIMESTAMP)
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
                ELSE CAST(NULL AS TIMESTAMP)
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
                ELSE CAST(NULL AS TIMESTAMP)
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
                ELSE CAST(NULL AS TIMESTAMP)
              END
            ) OVER (
              PARTITION BY "t1"."unit"
              ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
            ) AS "_f_l3"
          FROM (
            SELECT
              "t0"."unit",
              "t0"."ts",
              "t0"."seq",
              "t0"."label",
              "t0"."label" AS "_f_step",
              0 AS "_f_entry"
            FROM "journey_events" AS "t0"
            WHERE
              "t0"."unit" IS NOT NULL
              AND "t0"."label" IN ('add_to_cart', 'checkout_started', 'order_completed', 'product_view')
          ) AS "t1"
        ) AS "t2"
      ) AS "t3"
    ) AS "t4"
    WHERE
      "t4"."_f_step" IS NOT NULL
  ) AS "t5"
  GROUP BY
    1
) AS "t6"
WHERE
  "t6"."_f_t0" IS NOT NULL
