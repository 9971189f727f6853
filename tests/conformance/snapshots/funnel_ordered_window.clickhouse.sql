WITH "t2" AS (
  SELECT
    "t1"."unit" AS "unit",
    "t1"."ts" AS "ts",
    "t1"."_f_k" AS "_f_k",
    ROW_NUMBER() OVER (
      PARTITION BY "t1"."unit"
      ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1 AS "_f_pos"
  FROM (
    SELECT
      "t0"."unit" AS "unit",
      "t0"."ts" AS "ts",
      "t0"."seq" AS "seq",
      "t0"."label" AS "label",
      "t0"."label" AS "_f_step",
      0 AS "_f_entry",
      CASE
        WHEN "t0"."label" = 'product_view'
        THEN 0
        WHEN "t0"."label" = 'add_to_cart'
        THEN 1
        WHEN "t0"."label" = 'checkout_started'
        THEN 2
        WHEN "t0"."label" = 'order_completed'
        THEN 3
        ELSE NULL
      END AS "_f_k"
    FROM "journey_events" AS "t0"
    WHERE
      isNotNull("t0"."unit")
      AND "t0"."label" IN ('add_to_cart', 'checkout_started', 'order_completed', 'product_view')
  ) AS "t1"
), "t17" AS (
  SELECT
    "t16"."unit" AS "unit",
    "t16"."_f_v" AS "_f_v",
    MIN("t16"."_f_pos") AS "_f_pos",
    MIN("t16"."ts") AS "ts"
  FROM (
    SELECT
      "t15"."unit" AS "unit",
      "t15"."_f_pos" AS "_f_pos",
      MAX("t15"."_f_w") AS "_f_v",
      MAX("t15"."ts") AS "ts"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t8"."unit" AS "unit",
          "t8"."ts" AS "ts",
          "t8"."_f_k" AS "_f_k",
          "t8"."_f_pos" AS "_f_pos",
          "t13"."_f_w" AS "_f_w",
          "t13"."_f_p" AS "_f_p"
        FROM (
          SELECT
            *
          FROM "t2" AS "t3"
          WHERE
            "t3"."_f_k" = 1
        ) AS "t8"
        INNER JOIN (
          SELECT
            "t4"."unit" AS "unit",
            "t4"."_f_v" AS "_f_w",
            MIN("t4"."_f_pos") AS "_f_p"
          FROM (
            SELECT
              "t3"."unit" AS "unit",
              "t3"."_f_pos" AS "_f_pos",
              "t3"."ts" AS "_f_v"
            FROM "t2" AS "t3"
            WHERE
              "t3"."_f_k" = 0
          ) AS "t4"
          GROUP BY
            "t4"."unit",
            "t4"."_f_v"
        ) AS "t13"
          ON "t8"."unit" = "t13"."unit"
      ) AS "t14"
      WHERE
        "t14"."_f_p" < "t14"."_f_pos"
    ) AS "t15"
    GROUP BY
      "t15"."unit",
      "t15"."_f_pos"
  ) AS "t16"
  GROUP BY
    "t16"."unit",
    "t16"."_f_v"
), "t26" AS (
  SELECT
    "t25"."unit" AS "unit",
    "t25"."_f_v" AS "_f_v",
    MIN("t25"."_f_pos") AS "_f_pos",
    MIN("t25"."ts") AS "ts"
  FROM (
    SELECT
      "t24"."unit" AS "unit",
      "t24"."_f_pos" AS "_f_pos",
      MAX("t24"."_f_w") AS "_f_v",
      MAX("t24"."ts") AS "ts"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t9"."unit" AS "unit",
          "t9"."ts" AS "ts",
          "t9"."_f_k" AS "_f_k",
          "t9"."_f_pos" AS "_f_pos",
          "t20"."_f_w" AS "_f_w",
          "t20"."_f_p" AS "_f_p"
        FROM (
          SELECT
            *
          FROM "t2" AS "t3"
          WHERE
            "t3"."_f_k" = 2
        ) AS "t9"
        INNER JOIN (
          SELECT
            "t18"."unit" AS "unit",
            "t18"."_f_v" AS "_f_w",
            "t18"."_f_pos" AS "_f_p"
          FROM "t17" AS "t18"
        ) AS "t20"
          ON "t9"."unit" = "t20"."unit"
      ) AS "t23"
      WHERE
        "t23"."_f_p" < "t23"."_f_pos"
    ) AS "t24"
    GROUP BY
      "t24"."unit",
      "t24"."_f_pos"
  ) AS "t25"
  GROUP BY
    "t25"."unit",
    "t25"."_f_v"
), "t39" AS (
  SELECT
    "t38"."unit" AS "unit",
    MAX("t38"."_f_entry") AS "_f_entry",
    MIN(
      CASE WHEN "t38"."_f_v0" THEN "t38"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
    ) AS "_f_t0",
    minIf("t38"."_f_a0", "t38"."_f_v0") AS "_f_s0",
    MIN(
      CASE WHEN "t38"."_f_v1" THEN "t38"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
    ) AS "_f_t1",
    minIf("t38"."_f_a1", "t38"."_f_v1") AS "_f_s1",
    MIN(
      CASE WHEN "t38"."_f_v2" THEN "t38"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
    ) AS "_f_t2",
    minIf("t38"."_f_a2", "t38"."_f_v2") AS "_f_s2",
    MIN(
      CASE WHEN "t38"."_f_v3" THEN "t38"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
    ) AS "_f_t3",
    minIf("t38"."_f_a3", "t38"."_f_v3") AS "_f_s3"
  FROM (
    SELECT
      "t37"."unit" AS "unit",
      "t37"."ts" AS "ts",
      "t37"."_f_pos" AS "_f_pos",
      "t37"."_f_entry" AS "_f_entry",
      "t37"."_f_step" AS "_f_step",
      "t37"."_f_a0" AS "_f_a0",
      "t37"."_f_a1" AS "_f_a1",
      "t37"."_f_a2" AS "_f_a2",
      "t37"."_f_a3" AS "_f_a3",
      isNotNull("t37"."_f_a0")
      AND (
        DATE_DIFF(MICROSECOND, "t37"."_f_a0", "t37"."ts") <= 86400000000
      ) AS "_f_v0",
      isNotNull("t37"."_f_a1")
      AND (
        DATE_DIFF(MICROSECOND, "t37"."_f_a1", "t37"."ts") <= 86400000000
      ) AS "_f_v1",
      isNotNull("t37"."_f_a2")
      AND (
        DATE_DIFF(MICROSECOND, "t37"."_f_a2", "t37"."ts") <= 86400000000
      ) AS "_f_v2",
      isNotNull("t37"."_f_a3")
      AND (
        DATE_DIFF(MICROSECOND, "t37"."_f_a3", "t37"."ts") <= 86400000000
      ) AS "_f_v3"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t3"."unit" AS "unit",
            "t3"."ts" AS "ts",
            "t3"."_f_pos" AS "_f_pos",
            0 AS "_f_entry",
            CASE
              WHEN "t3"."_f_k" = 0
              THEN 'product_view'
              WHEN "t3"."_f_k" = 1
              THEN 'add_to_cart'
              WHEN "t3"."_f_k" = 2
              THEN 'checkout_started'
              WHEN "t3"."_f_k" = 3
              THEN 'order_completed'
              ELSE NULL
            END AS "_f_step",
            CASE WHEN "t3"."_f_k" = 0 THEN "t3"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END AS "_f_a0",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a1",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a2",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a3"
          FROM "t2" AS "t3"
          WHERE
            "t3"."_f_k" = 0
        ) AS "t10"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t18"."unit" AS "unit",
            CAST("t18"."ts" AS DateTime) AS "ts",
            "t18"."_f_pos" AS "_f_pos",
            0 AS "_f_entry",
            'add_to_cart' AS "_f_step",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a0",
            "t18"."_f_v" AS "_f_a1",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a2",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a3"
          FROM "t17" AS "t18"
        ) AS "t21"
      ) AS "t22"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t27"."unit" AS "unit",
            CAST("t27"."ts" AS DateTime) AS "ts",
            "t27"."_f_pos" AS "_f_pos",
            0 AS "_f_entry",
            'checkout_started' AS "_f_step",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a0",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a1",
            "t27"."_f_v" AS "_f_a2",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a3"
          FROM "t26" AS "t27"
        ) AS "t30"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t34"."unit" AS "unit",
            CAST("t34"."ts" AS DateTime) AS "ts",
            "t34"."_f_pos" AS "_f_pos",
            0 AS "_f_entry",
            'order_completed' AS "_f_step",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a0",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a1",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a2",
            "t34"."_f_v" AS "_f_a3"
          FROM (
            SELECT
              "t33"."unit" AS "unit",
              "t33"."_f_v" AS "_f_v",
              MIN("t33"."_f_pos") AS "_f_pos",
              MIN("t33"."ts") AS "ts"
            FROM (
              SELECT
                "t32"."unit" AS "unit",
                "t32"."_f_pos" AS "_f_pos",
                MAX("t32"."_f_w") AS "_f_v",
                MAX("t32"."ts") AS "ts"
              FROM (
                SELECT
                  *
                FROM (
                  SELECT
                    "t11"."unit" AS "unit",
                    "t11"."ts" AS "ts",
                    "t11"."_f_k" AS "_f_k",
                    "t11"."_f_pos" AS "_f_pos",
                    "t29"."_f_w" AS "_f_w",
                    "t29"."_f_p" AS "_f_p"
                  FROM (
                    SELECT
                      *
                    FROM "t2" AS "t3"
                    WHERE
                      "t3"."_f_k" = 3
                  ) AS "t11"
                  INNER JOIN (
                    SELECT
                      "t27"."unit" AS "unit",
                      "t27"."_f_v" AS "_f_w",
                      "t27"."_f_pos" AS "_f_p"
                    FROM "t26" AS "t27"
                  ) AS "t29"
                    ON "t11"."unit" = "t29"."unit"
                ) AS "t31"
                WHERE
                  "t31"."_f_p" < "t31"."_f_pos"
              ) AS "t32"
              GROUP BY
                "t32"."unit",
                "t32"."_f_pos"
            ) AS "t33"
            GROUP BY
              "t33"."unit",
              "t33"."_f_v"
          ) AS "t34"
        ) AS "t35"
      ) AS "t36"
    ) AS "t37"
  ) AS "t38"
  GROUP BY
    "t38"."unit"
), "t47" AS (
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        1 AS "step",
        'product_view' AS "name",
        CAST(isNotNull("t40"."_f_t0") AS Nullable(Int64)) AS "_f_hit",
        CAST(isNotNull("t40"."_f_t0") AS Nullable(Int64)) AS "_f_prev",
        CAST(isNotNull("t40"."_f_t0") AS Nullable(Int64)) AS "_f_first",
        CASE
          WHEN "t40"."_f_entry" < 0
          THEN CAST(DATE_DIFF(MICROSECOND, "t40"."_f_s0", "t40"."_f_t0") AS Nullable(Float64)) / 1000000
          ELSE CAST(NULL AS Nullable(Float64))
        END AS "_f_d"
      FROM "t39" AS "t40"
      WHERE
        isNotNull("t40"."_f_t0")
    ) AS "t41"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        2 AS "step",
        'add_to_cart' AS "name",
        CAST(isNotNull("t40"."_f_t1") AS Nullable(Int64)) AS "_f_hit",
        CAST(isNotNull("t40"."_f_t0") AS Nullable(Int64)) AS "_f_prev",
        CAST(isNotNull("t40"."_f_t0") AS Nullable(Int64)) AS "_f_first",
        CASE
          WHEN "t40"."_f_entry" < 1
          THEN CAST(DATE_DIFF(MICROSECOND, "t40"."_f_s1", "t40"."_f_t1") AS Nullable(Float64)) / 1000000
          ELSE CAST(NULL AS Nullable(Float64))
        END AS "_f_d"
      FROM "t39" AS "t40"
      WHERE
        isNotNull("t40"."_f_t0")
    ) AS "t42"
  ) AS "t45"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        3 AS "step",
        'checkout_started' AS "name",
        CAST(isNotNull("t40"."_f_t2") AS Nullable(Int64)) AS "_f_hit",
        CAST(isNotNull("t40"."_f_t1") AS Nullable(Int64)) AS "_f_prev",
        CAST(isNotNull("t40"."_f_t0") AS Nullable(Int64)) AS "_f_first",
        CASE
          WHEN "t40"."_f_entry" < 2
          THEN CAST(DATE_DIFF(MICROSECOND, "t40"."_f_s2", "t40"."_f_t2") AS Nullable(Float64)) / 1000000
          ELSE CAST(NULL AS Nullable(Float64))
        END AS "_f_d"
      FROM "t39" AS "t40"
      WHERE
        isNotNull("t40"."_f_t0")
    ) AS "t43"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        4 AS "step",
        'order_completed' AS "name",
        CAST(isNotNull("t40"."_f_t3") AS Nullable(Int64)) AS "_f_hit",
        CAST(isNotNull("t40"."_f_t2") AS Nullable(Int64)) AS "_f_prev",
        CAST(isNotNull("t40"."_f_t0") AS Nullable(Int64)) AS "_f_first",
        CASE
          WHEN "t40"."_f_entry" < 3
          THEN CAST(DATE_DIFF(MICROSECOND, "t40"."_f_s3", "t40"."_f_t3") AS Nullable(Float64)) / 1000000
          ELSE CAST(NULL AS Nullable(Float64))
        END AS "_f_d"
      FROM "t39" AS "t40"
      WHERE
        isNotNull("t40"."_f_t0")
    ) AS "t44"
  ) AS "t46"
)
SELECT
  "t56"."step" AS "step",
  "t56"."name" AS "name",
  "t56"."count" AS "count",
  "t56"."count" / nullIf("t56"."_f_first", 0) AS "conversion",
  CASE
    WHEN "t56"."step" = 1
    THEN 1.0
    ELSE "t56"."count" / nullIf("t56"."_f_prev", 0)
  END AS "step_conversion",
  "t56"."_f_prev" - "t56"."count" AS "drop_off",
  CASE
    WHEN "t56"."step" = 1
    THEN 0.0
    ELSE (
      "t56"."_f_prev" - "t56"."count"
    ) / nullIf("t56"."_f_prev", 0)
  END AS "drop_off_rate",
  "t56"."median_seconds" AS "median_seconds",
  "t56"."p90_seconds" AS "p90_seconds"
FROM (
  SELECT
    "t55"."step" AS "step",
    "t55"."name" AS "name",
    SUM("t55"."count") AS "count",
    SUM("t55"."_f_prev") AS "_f_prev",
    SUM("t55"."_f_first") AS "_f_first",
    MAX("t55"."median_seconds") AS "median_seconds",
    MAX("t55"."p90_seconds") AS "p90_seconds"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t48"."step" AS "step",
        "t48"."name" AS "name",
        SUM("t48"."_f_hit") AS "count",
        SUM("t48"."_f_prev") AS "_f_prev",
        SUM("t48"."_f_first") AS "_f_first",
        CAST(NULL AS Nullable(Float64)) AS "median_seconds",
        CAST(NULL AS Nullable(Float64)) AS "p90_seconds"
      FROM "t47" AS "t48"
      GROUP BY
        "t48"."step",
        "t48"."name"
    ) AS "t49"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t52"."step" AS "step",
          "t52"."name" AS "name",
          0 AS "count",
          0 AS "_f_prev",
          0 AS "_f_first",
          MAX(
            CASE
              WHEN (
                (
                  (
                    "t52"."_f_through" - "t52"."_f_k"
                  ) * 2
                ) < "t52"."_f_n"
              )
              AND (
                "t52"."_f_n" <= (
                  "t52"."_f_through" * 2
                )
              )
              THEN "t52"."_f_d"
              ELSE CAST(NULL AS Nullable(Float64))
            END
          ) AS "median_seconds",
          MAX(
            CASE
              WHEN (
                (
                  (
                    "t52"."_f_through" - "t52"."_f_k"
                  ) * 10
                ) < (
                  "t52"."_f_n" * 9
                )
              )
              AND (
                (
                  "t52"."_f_n" * 9
                ) <= (
                  "t52"."_f_through" * 10
                )
              )
              THEN "t52"."_f_d"
              ELSE CAST(NULL AS Nullable(Float64))
            END
          ) AS "p90_seconds"
        FROM (
          SELECT
            "t51"."step" AS "step",
            "t51"."name" AS "name",
            "t51"."_f_d" AS "_f_d",
            "t51"."_f_k" AS "_f_k",
            SUM("t51"."_f_k") OVER (
              PARTITION BY "t51"."step", "t51"."name"
              ORDER BY "t51"."_f_d" ASC
              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
            ) AS "_f_through",
            SUM("t51"."_f_k") OVER (
              PARTITION BY "t51"."step", "t51"."name"
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) AS "_f_n"
          FROM (
            SELECT
              "t50"."step" AS "step",
              "t50"."name" AS "name",
              "t50"."_f_d" AS "_f_d",
              COUNT(*) AS "_f_k"
            FROM (
              SELECT
                *
              FROM "t47" AS "t48"
              WHERE
                isNotNull("t48"."_f_d")
            ) AS "t50"
            GROUP BY
              "t50"."step",
              "t50"."name",
              "t50"."_f_d"
          ) AS "t51"
        ) AS "t52"
        GROUP BY
          "t52"."step",
          "t52"."name"
      ) AS "t53"
    ) AS "t54"
  ) AS "t55"
  GROUP BY
    "t55"."step",
    "t55"."name"
) AS "t56"
ORDER BY
  "t56"."step" ASC
