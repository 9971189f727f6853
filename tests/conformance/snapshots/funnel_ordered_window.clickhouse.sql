WITH "t2" AS (
  SELECT
    "t1"."unit" AS "unit",
    "t1"."ts" AS "ts",
    "t1"."_f_entry" AS "_f_entry",
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
    MIN("t16"."ts") AS "ts",
    MIN("t16"."_f_entry") AS "_f_entry"
  FROM (
    SELECT
      "t15"."unit" AS "unit",
      "t15"."_f_pos" AS "_f_pos",
      MAX("t15"."_f_w") AS "_f_v",
      MAX("t15"."ts") AS "ts",
      MAX("t15"."_f_entry") AS "_f_entry"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t8"."unit" AS "unit",
          "t8"."ts" AS "ts",
          "t8"."_f_entry" AS "_f_entry",
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
              "t3"."_f_k" = 0 AND "t3"."_f_entry" = 0
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
), "t27" AS (
  SELECT
    "t26"."unit" AS "unit",
    "t26"."_f_v" AS "_f_v",
    MIN("t26"."_f_pos") AS "_f_pos",
    MIN("t26"."ts") AS "ts",
    MIN("t26"."_f_entry") AS "_f_entry"
  FROM (
    SELECT
      "t25"."unit" AS "unit",
      "t25"."_f_pos" AS "_f_pos",
      MAX("t25"."_f_w") AS "_f_v",
      MAX("t25"."ts") AS "ts",
      MAX("t25"."_f_entry") AS "_f_entry"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t9"."unit" AS "unit",
          "t9"."ts" AS "ts",
          "t9"."_f_entry" AS "_f_entry",
          "t9"."_f_k" AS "_f_k",
          "t9"."_f_pos" AS "_f_pos",
          "t23"."_f_w" AS "_f_w",
          "t23"."_f_p" AS "_f_p"
        FROM (
          SELECT
            *
          FROM "t2" AS "t3"
          WHERE
            "t3"."_f_k" = 2
        ) AS "t9"
        INNER JOIN (
          SELECT
            "t19"."unit" AS "unit",
            "t19"."_f_v" AS "_f_w",
            MIN("t19"."_f_pos") AS "_f_p"
          FROM (
            SELECT
              "t18"."unit" AS "unit",
              "t18"."_f_pos" AS "_f_pos",
              "t18"."_f_v" AS "_f_v"
            FROM "t17" AS "t18"
          ) AS "t19"
          GROUP BY
            "t19"."unit",
            "t19"."_f_v"
        ) AS "t23"
          ON "t9"."unit" = "t23"."unit"
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
    "t26"."_f_v"
), "t40" AS (
  SELECT
    "t39"."unit" AS "unit",
    "t39"."ts" AS "ts",
    "t39"."_f_entry" AS "_f_entry",
    "t39"."_f_step" AS "_f_step",
    "t39"."_f_a0" AS "_f_a0",
    "t39"."_f_a1" AS "_f_a1",
    "t39"."_f_a2" AS "_f_a2",
    "t39"."_f_a3" AS "_f_a3",
    isNotNull("t39"."_f_a0")
    AND (
      DATE_DIFF(MICROSECOND, "t39"."_f_a0", "t39"."ts") <= 86400000000
    ) AS "_f_v0",
    isNotNull("t39"."_f_a1")
    AND (
      DATE_DIFF(MICROSECOND, "t39"."_f_a1", "t39"."ts") <= 86400000000
    ) AS "_f_v1",
    isNotNull("t39"."_f_a2")
    AND (
      DATE_DIFF(MICROSECOND, "t39"."_f_a2", "t39"."ts") <= 86400000000
    ) AS "_f_v2",
    isNotNull("t39"."_f_a3")
    AND (
      DATE_DIFF(MICROSECOND, "t39"."_f_a3", "t39"."ts") <= 86400000000
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
          "t3"."_f_entry" AS "_f_entry",
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
          CASE
            WHEN (
              "t3"."_f_k" = 0
            ) AND (
              "t3"."_f_entry" = 0
            )
            THEN "t3"."ts"
            ELSE CAST(NULL AS Nullable(DateTime))
          END AS "_f_a0",
          CAST(NULL AS Nullable(DateTime)) AS "_f_a1",
          CAST(NULL AS Nullable(DateTime)) AS "_f_a2",
          CAST(NULL AS Nullable(DateTime)) AS "_f_a3"
        FROM "t2" AS "t3"
        WHERE
          "t3"."_f_k" = 0 AND "t3"."_f_entry" = 0
      ) AS "t11"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t18"."unit" AS "unit",
          CAST("t18"."ts" AS DateTime) AS "ts",
          "t18"."_f_entry" AS "_f_entry",
          'add_to_cart' AS "_f_step",
          CAST(NULL AS Nullable(DateTime)) AS "_f_a0",
          "t18"."_f_v" AS "_f_a1",
          CAST(NULL AS Nullable(DateTime)) AS "_f_a2",
          CAST(NULL AS Nullable(DateTime)) AS "_f_a3"
        FROM "t17" AS "t18"
      ) AS "t20"
    ) AS "t21"
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
          "t28"."_f_entry" AS "_f_entry",
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
          "t36"."_f_entry" AS "_f_entry",
          'order_completed' AS "_f_step",
          CAST(NULL AS Nullable(DateTime)) AS "_f_a0",
          CAST(NULL AS Nullable(DateTime)) AS "_f_a1",
          CAST(NULL AS Nullable(DateTime)) AS "_f_a2",
          "t36"."_f_v" AS "_f_a3"
        FROM (
          SELECT
            "t35"."unit" AS "unit",
            "t35"."_f_v" AS "_f_v",
            MIN("t35"."_f_pos") AS "_f_pos",
            MIN("t35"."ts") AS "ts",
            MIN("t35"."_f_entry") AS "_f_entry"
          FROM (
            SELECT
              "t34"."unit" AS "unit",
              "t34"."_f_pos" AS "_f_pos",
              MAX("t34"."_f_w") AS "_f_v",
              MAX("t34"."ts") AS "ts",
              MAX("t34"."_f_entry") AS "_f_entry"
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t10"."unit" AS "unit",
                  "t10"."ts" AS "ts",
                  "t10"."_f_entry" AS "_f_entry",
                  "t10"."_f_k" AS "_f_k",
                  "t10"."_f_pos" AS "_f_pos",
                  "t32"."_f_w" AS "_f_w",
                  "t32"."_f_p" AS "_f_p"
                FROM (
                  SELECT
                    *
                  FROM "t2" AS "t3"
                  WHERE
                    "t3"."_f_k" = 3
                ) AS "t10"
                INNER JOIN (
                  SELECT
                    "t29"."unit" AS "unit",
                    "t29"."_f_v" AS "_f_w",
                    MIN("t29"."_f_pos") AS "_f_p"
                  FROM (
                    SELECT
                      "t28"."unit" AS "unit",
                      "t28"."_f_pos" AS "_f_pos",
                      "t28"."_f_v" AS "_f_v"
                    FROM "t27" AS "t28"
                  ) AS "t29"
                  GROUP BY
                    "t29"."unit",
                    "t29"."_f_v"
                ) AS "t32"
                  ON "t10"."unit" = "t32"."unit"
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
            "t35"."_f_v"
        ) AS "t36"
      ) AS "t37"
    ) AS "t38"
  ) AS "t39"
), "t47" AS (
  SELECT
    "t46"."unit" AS "unit",
    MAX("t46"."_f_entry") AS "_f_entry",
    MAX("t46"."_f_t0") AS "_f_t0",
    MAX(
      CASE
        WHEN "t46"."_f_v0" AND (
          "t46"."ts" = "t46"."_f_t0"
        )
        THEN "t46"."_f_a0"
        ELSE CAST(NULL AS Nullable(DateTime))
      END
    ) AS "_f_s0",
    MAX("t46"."_f_t1") AS "_f_t1",
    MAX(
      CASE
        WHEN "t46"."_f_v1" AND (
          "t46"."ts" = "t46"."_f_t1"
        )
        THEN "t46"."_f_a1"
        ELSE CAST(NULL AS Nullable(DateTime))
      END
    ) AS "_f_s1",
    MAX("t46"."_f_t2") AS "_f_t2",
    MAX(
      CASE
        WHEN "t46"."_f_v2" AND (
          "t46"."ts" = "t46"."_f_t2"
        )
        THEN "t46"."_f_a2"
        ELSE CAST(NULL AS Nullable(DateTime))
      END
    ) AS "_f_s2",
    MAX("t46"."_f_t3") AS "_f_t3",
    MAX(
      CASE
        WHEN "t46"."_f_v3" AND (
          "t46"."ts" = "t46"."_f_t3"
        )
        THEN "t46"."_f_a3"
        ELSE CAST(NULL AS Nullable(DateTime))
      END
    ) AS "_f_s3"
  FROM (
    SELECT
      "t45".*
      EXCEPT ("_f_unit")
    FROM (
      SELECT
        "t42"."unit" AS "unit",
        "t42"."ts" AS "ts",
        "t42"."_f_entry" AS "_f_entry",
        "t42"."_f_step" AS "_f_step",
        "t42"."_f_a0" AS "_f_a0",
        "t42"."_f_a1" AS "_f_a1",
        "t42"."_f_a2" AS "_f_a2",
        "t42"."_f_a3" AS "_f_a3",
        "t42"."_f_v0" AS "_f_v0",
        "t42"."_f_v1" AS "_f_v1",
        "t42"."_f_v2" AS "_f_v2",
        "t42"."_f_v3" AS "_f_v3",
        "t44"."_f_unit" AS "_f_unit",
        "t44"."_f_t0" AS "_f_t0",
        "t44"."_f_t1" AS "_f_t1",
        "t44"."_f_t2" AS "_f_t2",
        "t44"."_f_t3" AS "_f_t3"
      FROM "t40" AS "t42"
      INNER JOIN (
        SELECT
          "t41"."unit" AS "_f_unit",
          MIN(
            CASE WHEN "t41"."_f_v0" THEN "t41"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
          ) AS "_f_t0",
          MIN(
            CASE WHEN "t41"."_f_v1" THEN "t41"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
          ) AS "_f_t1",
          MIN(
            CASE WHEN "t41"."_f_v2" THEN "t41"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
          ) AS "_f_t2",
          MIN(
            CASE WHEN "t41"."_f_v3" THEN "t41"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
          ) AS "_f_t3"
        FROM "t40" AS "t41"
        GROUP BY
          "t41"."unit"
      ) AS "t44"
        ON "t42"."unit" = "t44"."_f_unit"
    ) AS "t45"
  ) AS "t46"
  GROUP BY
    "t46"."unit"
), "t55" AS (
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        1 AS "step",
        'product_view' AS "name",
        CAST(isNotNull("t48"."_f_t0") AS Nullable(Int64)) AS "_f_hit",
        CAST(isNotNull("t48"."_f_t0") AS Nullable(Int64)) AS "_f_prev",
        CAST(isNotNull("t48"."_f_t0") AS Nullable(Int64)) AS "_f_first",
        CASE
          WHEN "t48"."_f_entry" < 0
          THEN CAST(DATE_DIFF(MICROSECOND, "t48"."_f_s0", "t48"."_f_t0") AS Nullable(Float64)) / 1000000
          ELSE CAST(NULL AS Nullable(Float64))
        END AS "_f_d"
      FROM "t47" AS "t48"
      WHERE
        isNotNull("t48"."_f_t0")
    ) AS "t49"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        2 AS "step",
        'add_to_cart' AS "name",
        CAST(isNotNull("t48"."_f_t1") AS Nullable(Int64)) AS "_f_hit",
        CAST(isNotNull("t48"."_f_t0") AS Nullable(Int64)) AS "_f_prev",
        CAST(isNotNull("t48"."_f_t0") AS Nullable(Int64)) AS "_f_first",
        CASE
          WHEN "t48"."_f_entry" < 1
          THEN CAST(DATE_DIFF(MICROSECOND, "t48"."_f_s1", "t48"."_f_t1") AS Nullable(Float64)) / 1000000
          ELSE CAST(NULL AS Nullable(Float64))
        END AS "_f_d"
      FROM "t47" AS "t48"
      WHERE
        isNotNull("t48"."_f_t0")
    ) AS "t50"
  ) AS "t53"
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
        CAST(isNotNull("t48"."_f_t2") AS Nullable(Int64)) AS "_f_hit",
        CAST(isNotNull("t48"."_f_t1") AS Nullable(Int64)) AS "_f_prev",
        CAST(isNotNull("t48"."_f_t0") AS Nullable(Int64)) AS "_f_first",
        CASE
          WHEN "t48"."_f_entry" < 2
          THEN CAST(DATE_DIFF(MICROSECOND, "t48"."_f_s2", "t48"."_f_t2") AS Nullable(Float64)) / 1000000
          ELSE CAST(NULL AS Nullable(Float64))
        END AS "_f_d"
      FROM "t47" AS "t48"
      WHERE
        isNotNull("t48"."_f_t0")
    ) AS "t51"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        4 AS "step",
        'order_completed' AS "name",
        CAST(isNotNull("t48"."_f_t3") AS Nullable(Int64)) AS "_f_hit",
        CAST(isNotNull("t48"."_f_t2") AS Nullable(Int64)) AS "_f_prev",
        CAST(isNotNull("t48"."_f_t0") AS Nullable(Int64)) AS "_f_first",
        CASE
          WHEN "t48"."_f_entry" < 3
          THEN CAST(DATE_DIFF(MICROSECOND, "t48"."_f_s3", "t48"."_f_t3") AS Nullable(Float64)) / 1000000
          ELSE CAST(NULL AS Nullable(Float64))
        END AS "_f_d"
      FROM "t47" AS "t48"
      WHERE
        isNotNull("t48"."_f_t0")
    ) AS "t52"
  ) AS "t54"
)
SELECT
  "t64"."step" AS "step",
  "t64"."name" AS "name",
  "t64"."count" AS "count",
  "t64"."count" / nullIf("t64"."_f_first", 0) AS "conversion",
  CASE
    WHEN "t64"."step" = 1
    THEN 1.0
    ELSE "t64"."count" / nullIf("t64"."_f_prev", 0)
  END AS "step_conversion",
  "t64"."_f_prev" - "t64"."count" AS "drop_off",
  CASE
    WHEN "t64"."step" = 1
    THEN 0.0
    ELSE (
      "t64"."_f_prev" - "t64"."count"
    ) / nullIf("t64"."_f_prev", 0)
  END AS "drop_off_rate",
  "t64"."median_seconds" AS "median_seconds",
  "t64"."p90_seconds" AS "p90_seconds"
FROM (
  SELECT
    "t63"."step" AS "step",
    "t63"."name" AS "name",
    SUM("t63"."count") AS "count",
    SUM("t63"."_f_prev") AS "_f_prev",
    SUM("t63"."_f_first") AS "_f_first",
    MAX("t63"."median_seconds") AS "median_seconds",
    MAX("t63"."p90_seconds") AS "p90_seconds"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t56"."step" AS "step",
        "t56"."name" AS "name",
        SUM("t56"."_f_hit") AS "count",
        SUM("t56"."_f_prev") AS "_f_prev",
        SUM("t56"."_f_first") AS "_f_first",
        CAST(NULL AS Nullable(Float64)) AS "median_seconds",
        CAST(NULL AS Nullable(Float64)) AS "p90_seconds"
      FROM "t55" AS "t56"
      GROUP BY
        "t56"."step",
        "t56"."name"
    ) AS "t57"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t60"."step" AS "step",
          "t60"."name" AS "name",
          0 AS "count",
          0 AS "_f_prev",
          0 AS "_f_first",
          MAX(
            CASE
              WHEN (
                (
                  (
                    "t60"."_f_through" - "t60"."_f_k"
                  ) * 2
                ) < "t60"."_f_n"
              )
              AND (
                "t60"."_f_n" <= (
                  "t60"."_f_through" * 2
                )
              )
              THEN "t60"."_f_d"
              ELSE CAST(NULL AS Nullable(Float64))
            END
          ) AS "median_seconds",
          MAX(
            CASE
              WHEN (
                (
                  (
                    "t60"."_f_through" - "t60"."_f_k"
                  ) * 10
                ) < (
                  "t60"."_f_n" * 9
                )
              )
              AND (
                (
                  "t60"."_f_n" * 9
                ) <= (
                  "t60"."_f_through" * 10
                )
              )
              THEN "t60"."_f_d"
              ELSE CAST(NULL AS Nullable(Float64))
            END
          ) AS "p90_seconds"
        FROM (
          SELECT
            "t59"."step" AS "step",
            "t59"."name" AS "name",
            "t59"."_f_d" AS "_f_d",
            "t59"."_f_k" AS "_f_k",
            SUM("t59"."_f_k") OVER (
              PARTITION BY "t59"."step", "t59"."name"
              ORDER BY "t59"."_f_d" ASC
              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
            ) AS "_f_through",
            SUM("t59"."_f_k") OVER (
              PARTITION BY "t59"."step", "t59"."name"
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) AS "_f_n"
          FROM (
            SELECT
              "t58"."step" AS "step",
              "t58"."name" AS "name",
              "t58"."_f_d" AS "_f_d",
              COUNT(*) AS "_f_k"
            FROM (
              SELECT
                *
              FROM "t55" AS "t56"
              WHERE
                isNotNull("t56"."_f_d")
            ) AS "t58"
            GROUP BY
              "t58"."step",
              "t58"."name",
              "t58"."_f_d"
          ) AS "t59"
        ) AS "t60"
        GROUP BY
          "t60"."step",
          "t60"."name"
      ) AS "t61"
    ) AS "t62"
  ) AS "t63"
  GROUP BY
    "t63"."step",
    "t63"."name"
) AS "t64"
ORDER BY
  "t64"."step" ASC
