WITH "t4" AS (
  SELECT
    "t3"."unit",
    "t3"."ts",
    "t3"."seq",
    "t3"."label",
    "t3"."_f_step",
    "t3"."_f_entry",
    "t3"."_f_a0",
    "t3"."_f_a1",
    "t3"."_f_a2",
    "t3"."_f_a3",
    "t3"."_f_a0" IS NOT NULL AS "_f_v0",
    "t3"."_f_a1" IS NOT NULL AS "_f_v1",
    "t3"."_f_a2" IS NOT NULL AS "_f_v2",
    "t3"."_f_a3" IS NOT NULL AS "_f_v3"
  FROM (
    SELECT
      "t2"."unit",
      "t2"."ts",
      "t2"."seq",
      "t2"."label",
      "t2"."_f_step",
      "t2"."_f_entry",
      CASE
        WHEN (
          "t2"."_f_step" = 'product_view'
        ) AND (
          "t2"."_f_entry" = 0
        )
        THEN "t2"."ts"
        ELSE CAST(NULL AS TIMESTAMP)
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
        ELSE CAST(NULL AS TIMESTAMP)
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
        ELSE CAST(NULL AS TIMESTAMP)
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
        LAG("t1"."_f_step", 1) OVER (
          PARTITION BY "t1"."unit"
          ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) AS "_f_l1",
        LAG("t1"."ts", 1) OVER (
          PARTITION BY "t1"."unit"
          ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) AS "_f_t1",
        LAG("t1"."_f_step", 2) OVER (
          PARTITION BY "t1"."unit"
          ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) AS "_f_l2",
        LAG("t1"."ts", 2) OVER (
          PARTITION BY "t1"."unit"
          ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) AS "_f_t2",
        LAG("t1"."_f_step", 3) OVER (
          PARTITION BY "t1"."unit"
          ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) AS "_f_l3",
        LAG("t1"."ts", 3) OVER (
          PARTITION BY "t1"."unit"
          ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) AS "_f_t3"
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
          END AS "_f_step",
          0 AS "_f_entry"
        FROM "journey_events" AS "t0"
        WHERE
          "t0"."unit" IS NOT NULL
      ) AS "t1"
    ) AS "t2"
    WHERE
      "t2"."_f_step" IS NOT NULL
  ) AS "t3"
)
SELECT
  "t11"."unit",
  "t11"."_f_entry" + 1 AS "entry",
  CASE
    WHEN "t11"."_f_t3" IS NOT NULL
    THEN 4
    WHEN "t11"."_f_t2" IS NOT NULL
    THEN 3
    WHEN "t11"."_f_t1" IS NOT NULL
    THEN 2
    WHEN "t11"."_f_t0" IS NOT NULL
    THEN 1
    ELSE CAST(NULL AS BIGINT)
  END AS "reached",
  "t11"."_f_t0" AS "step_1_ts",
  "t11"."_f_t1" AS "step_2_ts",
  "t11"."_f_t2" AS "step_3_ts",
  "t11"."_f_t3" AS "step_4_ts",
  CASE
    WHEN "t11"."_f_entry" < 0
    THEN CAST(DATE_DIFF('MICROSECOND', "t11"."_f_s0", "t11"."_f_t0") AS DOUBLE) / 1000000
    ELSE CAST(NULL AS DOUBLE)
  END AS "step_1_seconds",
  CASE
    WHEN "t11"."_f_entry" < 1
    THEN CAST(DATE_DIFF('MICROSECOND', "t11"."_f_s1", "t11"."_f_t1") AS DOUBLE) / 1000000
    ELSE CAST(NULL AS DOUBLE)
  END AS "step_2_seconds",
  CASE
    WHEN "t11"."_f_entry" < 2
    THEN CAST(DATE_DIFF('MICROSECOND', "t11"."_f_s2", "t11"."_f_t2") AS DOUBLE) / 1000000
    ELSE CAST(NULL AS DOUBLE)
  END AS "step_3_seconds",
  CASE
    WHEN "t11"."_f_entry" < 3
    THEN CAST(DATE_DIFF('MICROSECOND', "t11"."_f_s3", "t11"."_f_t3") AS DOUBLE) / 1000000
    ELSE CAST(NULL AS DOUBLE)
  END AS "step_4_seconds"
FROM (
  SELECT
    "t10"."unit",
    MAX("t10"."_f_entry") AS "_f_entry",
    MAX("t10"."_f_t0") AS "_f_t0",
    MAX(
      CASE
        WHEN "t10"."_f_v0" AND (
          "t10"."ts" = "t10"."_f_t0"
        )
        THEN "t10"."_f_a0"
        ELSE CAST(NULL AS TIMESTAMP)
      END
    ) AS "_f_s0",
    MAX("t10"."_f_t1") AS "_f_t1",
    MAX(
      CASE
        WHEN "t10"."_f_v1" AND (
          "t10"."ts" = "t10"."_f_t1"
        )
        THEN "t10"."_f_a1"
        ELSE CAST(NULL AS TIMESTAMP)
      END
    ) AS "_f_s1",
    MAX("t10"."_f_t2") AS "_f_t2",
    MAX(
      CASE
        WHEN "t10"."_f_v2" AND (
          "t10"."ts" = "t10"."_f_t2"
        )
        THEN "t10"."_f_a2"
        ELSE CAST(NULL AS TIMESTAMP)
      END
    ) AS "_f_s2",
    MAX("t10"."_f_t3") AS "_f_t3",
    MAX(
      CASE
        WHEN "t10"."_f_v3" AND (
          "t10"."ts" = "t10"."_f_t3"
        )
        THEN "t10"."_f_a3"
        ELSE CAST(NULL AS TIMESTAMP)
      END
    ) AS "_f_s3"
  FROM (
    SELECT
      "t9".*
      EXCLUDE ("_f_unit")
    FROM (
      SELECT
        "t6"."unit",
        "t6"."ts",
        "t6"."seq",
        "t6"."label",
        "t6"."_f_step",
        "t6"."_f_entry",
        "t6"."_f_a0",
        "t6"."_f_a1",
        "t6"."_f_a2",
        "t6"."_f_a3",
        "t6"."_f_v0",
        "t6"."_f_v1",
        "t6"."_f_v2",
        "t6"."_f_v3",
        "t8"."_f_unit",
        "t8"."_f_t0",
        "t8"."_f_t1",
        "t8"."_f_t2",
        "t8"."_f_t3"
      FROM "t4" AS "t6"
      INNER JOIN (
        SELECT
          "t5"."unit" AS "_f_unit",
          MIN(CASE WHEN "t5"."_f_v0" THEN "t5"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t0",
          MIN(CASE WHEN "t5"."_f_v1" THEN "t5"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t1",
          MIN(CASE WHEN "t5"."_f_v2" THEN "t5"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t2",
          MIN(CASE WHEN "t5"."_f_v3" THEN "t5"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t3"
        FROM "t4" AS "t5"
        GROUP BY
          1
      ) AS "t8"
        ON "t6"."unit" = "t8"."_f_unit"
    ) AS "t9"
  ) AS "t10"
  GROUP BY
    1
) AS "t11"
WHERE
  "t11"."_f_t0" IS NOT NULL
