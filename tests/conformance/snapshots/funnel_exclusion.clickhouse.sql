WITH "t3" AS (
  SELECT
    "t2"."unit" AS "unit",
    "t2"."ts" AS "ts",
    "t2"."_f_k" AS "_f_k",
    ROW_NUMBER() OVER (
      PARTITION BY "t2"."unit"
      ORDER BY "t2"."ts" ASC, "t2"."seq" ASC, "t2"."label" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1 AS "_f_pos",
    SUM(CASE WHEN "t2"."_f_l" = 0 THEN 1 ELSE 0 END) OVER (
      PARTITION BY "t2"."unit"
      ORDER BY "t2"."ts" ASC, "t2"."seq" ASC, "t2"."label" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS "_f_x0"
  FROM (
    SELECT
      "t1"."unit" AS "unit",
      "t1"."ts" AS "ts",
      "t1"."seq" AS "seq",
      "t1"."label" AS "label",
      "t1"."_f_step" AS "_f_step",
      "t1"."_f_entry" AS "_f_entry",
      CASE
        WHEN "t1"."_f_step" = 'product_view'
        THEN 0
        WHEN "t1"."_f_step" = 'add_to_cart'
        THEN 1
        WHEN "t1"."_f_step" = 'checkout_started'
        THEN 2
        WHEN "t1"."_f_step" = 'order_completed'
        THEN 3
        ELSE NULL
      END AS "_f_k",
      CASE WHEN "t1"."label" = 'support_chat' THEN 0 ELSE NULL END AS "_f_l"
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
        AND "t0"."label" IN (
          'add_to_cart',
          'checkout_started',
          'order_completed',
          'product_view',
          'support_chat'
        )
    ) AS "t1"
  ) AS "t2"
), "t18" AS (
  SELECT
    "t17"."unit" AS "unit",
    "t17"."_f_x0" AS "_f_x0",
    "t17"."_f_v" AS "_f_v",
    MIN("t17"."_f_pos") AS "_f_pos",
    MIN("t17"."ts") AS "ts"
  FROM (
    SELECT
      "t16"."unit" AS "unit",
      "t16"."_f_pos" AS "_f_pos",
      MAX("t16"."_f_w") AS "_f_v",
      MAX("t16"."ts") AS "ts",
      MAX("t16"."_f_x0") AS "_f_x0"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t9"."unit" AS "unit",
          "t9"."ts" AS "ts",
          "t9"."_f_k" AS "_f_k",
          "t9"."_f_pos" AS "_f_pos",
          "t9"."_f_x0" AS "_f_x0",
          "t14"."_f_w" AS "_f_w",
          "t14"."_f_p" AS "_f_p"
        FROM (
          SELECT
            *
          FROM "t3" AS "t4"
          WHERE
            isNotNull("t4"."_f_k") AND "t4"."_f_k" = 1
        ) AS "t9"
        INNER JOIN (
          SELECT
            "t5"."unit" AS "unit",
            "t5"."_f_v" AS "_f_w",
            MIN("t5"."_f_pos") AS "_f_p"
          FROM (
            SELECT
              "t4"."unit" AS "unit",
              "t4"."_f_x0" AS "_f_x0",
              "t4"."_f_pos" AS "_f_pos",
              "t4"."ts" AS "_f_v"
            FROM "t3" AS "t4"
            WHERE
              isNotNull("t4"."_f_k") AND "t4"."_f_k" = 0
          ) AS "t5"
          GROUP BY
            "t5"."unit",
            "t5"."_f_v"
        ) AS "t14"
          ON "t9"."unit" = "t14"."unit"
      ) AS "t15"
      WHERE
        "t15"."_f_p" < "t15"."_f_pos"
    ) AS "t16"
    GROUP BY
      "t16"."unit",
      "t16"."_f_pos"
  ) AS "t17"
  GROUP BY
    "t17"."unit",
    "t17"."_f_x0",
    "t17"."_f_v"
), "t27" AS (
  SELECT
    "t26"."unit" AS "unit",
    "t26"."_f_x0" AS "_f_x0",
    "t26"."_f_v" AS "_f_v",
    MIN("t26"."_f_pos") AS "_f_pos",
    MIN("t26"."ts") AS "ts"
  FROM (
    SELECT
      "t25"."unit" AS "unit",
      "t25"."_f_pos" AS "_f_pos",
      MAX("t25"."_f_w") AS "_f_v",
      MAX("t25"."ts") AS "ts",
      MAX("t25"."_f_x0") AS "_f_x0"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t10"."unit" AS "unit",
          "t10"."ts" AS "ts",
          "t10"."_f_k" AS "_f_k",
          "t10"."_f_pos" AS "_f_pos",
          "t10"."_f_x0" AS "_f_x0",
          "t22"."_f_w" AS "_f_w",
          "t22"."_f_p" AS "_f_p"
        FROM (
          SELECT
            *
          FROM "t3" AS "t4"
          WHERE
            isNotNull("t4"."_f_k") AND "t4"."_f_k" = 2
        ) AS "t10"
        INNER JOIN (
          SELECT
            "t19"."unit" AS "unit",
            "t19"."_f_x0" AS "_f_x0",
            "t19"."_f_v" AS "_f_w",
            "t19"."_f_pos" AS "_f_p"
          FROM "t18" AS "t19"
        ) AS "t22"
          ON "t10"."unit" = "t22"."unit" AND "t10"."_f_x0" = "t22"."_f_x0"
      ) AS "t24"
      WHERE
        "t24"."_f_p" < "t24"."_f_pos"
    ) AS "t25"
    GROUP BY
      "t25"."unit",
      "t25"."_f_pos"
  ) AS "t26"
  GROUP BY
    "t26"."unit",
    "t26"."_f_x0",
    "t26"."_f_v"
)
SELECT
  "t41"."unit" AS "unit",
  "t41"."_f_entry" + 1 AS "entry",
  CASE
    WHEN isNotNull("t41"."_f_t3")
    THEN 4
    WHEN isNotNull("t41"."_f_t2")
    THEN 3
    WHEN isNotNull("t41"."_f_t1")
    THEN 2
    WHEN isNotNull("t41"."_f_t0")
    THEN 1
    ELSE CAST(NULL AS Nullable(Int64))
  END AS "reached",
  "t41"."_f_t0" AS "step_1_ts",
  "t41"."_f_t1" AS "step_2_ts",
  "t41"."_f_t2" AS "step_3_ts",
  "t41"."_f_t3" AS "step_4_ts",
  CASE
    WHEN "t41"."_f_entry" < 0
    THEN CAST(DATE_DIFF(MICROSECOND, "t41"."_f_s0", "t41"."_f_t0") AS Nullable(Float64)) / 1000000
    ELSE CAST(NULL AS Nullable(Float64))
  END AS "step_1_seconds",
  CASE
    WHEN "t41"."_f_entry" < 1
    THEN CAST(DATE_DIFF(MICROSECOND, "t41"."_f_s1", "t41"."_f_t1") AS Nullable(Float64)) / 1000000
    ELSE CAST(NULL AS Nullable(Float64))
  END AS "step_2_seconds",
  CASE
    WHEN "t41"."_f_entry" < 2
    THEN CAST(DATE_DIFF(MICROSECOND, "t41"."_f_s2", "t41"."_f_t2") AS Nullable(Float64)) / 1000000
    ELSE CAST(NULL AS Nullable(Float64))
  END AS "step_3_seconds",
  CASE
    WHEN "t41"."_f_entry" < 3
    THEN CAST(DATE_DIFF(MICROSECOND, "t41"."_f_s3", "t41"."_f_t3") AS Nullable(Float64)) / 1000000
    ELSE CAST(NULL AS Nullable(Float64))
  END AS "step_4_seconds"
FROM (
  SELECT
    "t40"."unit" AS "unit",
    MAX("t40"."_f_entry") AS "_f_entry",
    MIN(
      CASE WHEN "t40"."_f_v0" THEN "t40"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
    ) AS "_f_t0",
    argMinIf(tuple("t40"."_f_a0"), "t40"."_f_pos", "t40"."_f_v0").1 AS "_f_s0",
    MIN(
      CASE WHEN "t40"."_f_v1" THEN "t40"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
    ) AS "_f_t1",
    argMinIf(tuple("t40"."_f_a1"), "t40"."_f_pos", "t40"."_f_v1").1 AS "_f_s1",
    MIN(
      CASE WHEN "t40"."_f_v2" THEN "t40"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
    ) AS "_f_t2",
    argMinIf(tuple("t40"."_f_a2"), "t40"."_f_pos", "t40"."_f_v2").1 AS "_f_s2",
    MIN(
      CASE WHEN "t40"."_f_v3" THEN "t40"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
    ) AS "_f_t3",
    argMinIf(tuple("t40"."_f_a3"), "t40"."_f_pos", "t40"."_f_v3").1 AS "_f_s3"
  FROM (
    SELECT
      "t39"."unit" AS "unit",
      "t39"."ts" AS "ts",
      "t39"."_f_pos" AS "_f_pos",
      "t39"."_f_entry" AS "_f_entry",
      "t39"."_f_step" AS "_f_step",
      "t39"."_f_a0" AS "_f_a0",
      "t39"."_f_a1" AS "_f_a1",
      "t39"."_f_a2" AS "_f_a2",
      "t39"."_f_a3" AS "_f_a3",
      isNotNull("t39"."_f_a0") AS "_f_v0",
      isNotNull("t39"."_f_a1") AS "_f_v1",
      isNotNull("t39"."_f_a2") AS "_f_v2",
      isNotNull("t39"."_f_a3") AS "_f_v3"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t4"."unit" AS "unit",
            "t4"."ts" AS "ts",
            "t4"."_f_pos" AS "_f_pos",
            0 AS "_f_entry",
            CASE
              WHEN "t4"."_f_k" = 0
              THEN 'product_view'
              WHEN "t4"."_f_k" = 1
              THEN 'add_to_cart'
              WHEN "t4"."_f_k" = 2
              THEN 'checkout_started'
              WHEN "t4"."_f_k" = 3
              THEN 'order_completed'
              ELSE NULL
            END AS "_f_step",
            CASE WHEN "t4"."_f_k" = 0 THEN "t4"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END AS "_f_a0",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a1",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a2",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a3"
          FROM "t3" AS "t4"
          WHERE
            isNotNull("t4"."_f_k") AND "t4"."_f_k" = 0
        ) AS "t11"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t19"."unit" AS "unit",
            CAST("t19"."ts" AS DateTime) AS "ts",
            "t19"."_f_pos" AS "_f_pos",
            0 AS "_f_entry",
            'add_to_cart' AS "_f_step",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a0",
            "t19"."_f_v" AS "_f_a1",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a2",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a3"
          FROM "t18" AS "t19"
        ) AS "t21"
      ) AS "t23"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t28"."unit" AS "unit",
            CAST("t28"."ts" AS DateTime) AS "ts",
            "t28"."_f_pos" AS "_f_pos",
            0 AS "_f_entry",
            'checkout_started' AS "_f_step",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a0",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a1",
            "t28"."_f_v" AS "_f_a2",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a3"
          FROM "t27" AS "t28"
        ) AS "t30"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t36"."unit" AS "unit",
            CAST("t36"."ts" AS DateTime) AS "ts",
            "t36"."_f_pos" AS "_f_pos",
            0 AS "_f_entry",
            'order_completed' AS "_f_step",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a0",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a1",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a2",
            "t36"."_f_v" AS "_f_a3"
          FROM (
            SELECT
              "t35"."unit" AS "unit",
              "t35"."_f_x0" AS "_f_x0",
              "t35"."_f_v" AS "_f_v",
              MIN("t35"."_f_pos") AS "_f_pos",
              MIN("t35"."ts") AS "ts"
            FROM (
              SELECT
                "t34"."unit" AS "unit",
                "t34"."_f_pos" AS "_f_pos",
                MAX("t34"."_f_w") AS "_f_v",
                MAX("t34"."ts") AS "ts",
                MAX("t34"."_f_x0") AS "_f_x0"
              FROM (
                SELECT
                  *
                FROM (
                  SELECT
                    "t12"."unit" AS "unit",
                    "t12"."ts" AS "ts",
                    "t12"."_f_k" AS "_f_k",
                    "t12"."_f_pos" AS "_f_pos",
                    "t12"."_f_x0" AS "_f_x0",
                    "t32"."_f_w" AS "_f_w",
                    "t32"."_f_p" AS "_f_p"
                  FROM (
                    SELECT
                      *
                    FROM "t3" AS "t4"
                    WHERE
                      isNotNull("t4"."_f_k") AND "t4"."_f_k" = 3
                  ) AS "t12"
                  INNER JOIN (
                    SELECT
                      "t29"."unit" AS "unit",
                      "t29"."_f_v" AS "_f_w",
                      MIN("t29"."_f_pos") AS "_f_p"
                    FROM (
                      SELECT
                        "t28"."unit" AS "unit",
                        "t28"."_f_x0" AS "_f_x0",
                        "t28"."_f_pos" AS "_f_pos",
                        "t28"."_f_v" AS "_f_v"
                      FROM "t27" AS "t28"
                    ) AS "t29"
                    GROUP BY
                      "t29"."unit",
                      "t29"."_f_v"
                  ) AS "t32"
                    ON "t12"."unit" = "t32"."unit"
                ) AS "t33"
                WHERE
                  "t33"."_f_p" < "t33"."_f_pos"
              ) AS "t34"
              GROUP BY
                "t34"."unit",
                "t34"."_f_pos"
            ) AS "t35"
            GROUP BY
              "t35"."unit",
              "t35"."_f_x0",
              "t35"."_f_v"
          ) AS "t36"
        ) AS "t37"
      ) AS "t38"
    ) AS "t39"
  ) AS "t40"
  GROUP BY
    "t40"."unit"
) AS "t41"
WHERE
  isNotNull("t41"."_f_t0")
