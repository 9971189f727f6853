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
), "t48" AS (
  SELECT
    "t47"."unit" AS "unit",
    "t47"."_f_entry" + 1 AS "entry",
    CASE
      WHEN isNotNull("t47"."_f_t3")
      THEN 4
      WHEN isNotNull("t47"."_f_t2")
      THEN 3
      WHEN isNotNull("t47"."_f_t1")
      THEN 2
      WHEN isNotNull("t47"."_f_t0")
      THEN 1
      ELSE CAST(NULL AS Nullable(Int64))
    END AS "reached",
    "t47"."_f_t0" AS "step_1_ts",
    "t47"."_f_t1" AS "step_2_ts",
    "t47"."_f_t2" AS "step_3_ts",
    "t47"."_f_t3" AS "step_4_ts",
    CASE
      WHEN "t47"."_f_entry" < 0
      THEN CAST(DATE_DIFF(MICROSECOND, "t47"."_f_s0", "t47"."_f_t0") AS Nullable(Float64)) / 1000000
      ELSE CAST(NULL AS Nullable(Float64))
    END AS "step_1_seconds",
    CASE
      WHEN "t47"."_f_entry" < 1
      THEN CAST(DATE_DIFF(MICROSECOND, "t47"."_f_s1", "t47"."_f_t1") AS Nullable(Float64)) / 1000000
      ELSE CAST(NULL AS Nullable(Float64))
    END AS "step_2_seconds",
    CASE
      WHEN "t47"."_f_entry" < 2
      THEN CAST(DATE_DIFF(MICROSECOND, "t47"."_f_s2", "t47"."_f_t2") AS Nullable(Float64)) / 1000000
      ELSE CAST(NULL AS Nullable(Float64))
    END AS "step_3_seconds",
    CASE
      WHEN "t47"."_f_entry" < 3
      THEN CAST(DATE_DIFF(MICROSECOND, "t47"."_f_s3", "t47"."_f_t3") AS Nullable(Float64)) / 1000000
      ELSE CAST(NULL AS Nullable(Float64))
    END AS "step_4_seconds"
  FROM (
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
  ) AS "t47"
  WHERE
    isNotNull("t47"."_f_t0")
), "t57" AS (
  SELECT
    *
  FROM (
    SELECT
      4 AS "step",
      "t50"."_h0" AS "_h0",
      "t50"."_h1" AS "_h1",
      "t50"."_h2" AS "_h2",
      "t50"."_h3" AS "_h3",
      "t50"."_h4" AS "_h4",
      "t50"."_h5" AS "_h5",
      "t50"."_h6" AS "_h6",
      "t50"."_h7" AS "_h7",
      "t50"."_h8" AS "_h8",
      "t50"."_h9" AS "_h9",
      "t50"."_h10" AS "_h10"
    FROM (
      SELECT
        SUM(
          CASE
            WHEN (
              "t49"."step_4_seconds" >= 0.0
            ) AND (
              "t49"."step_4_seconds" < 60.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h0",
        SUM(
          CASE
            WHEN (
              "t49"."step_4_seconds" >= 60.0
            ) AND (
              "t49"."step_4_seconds" < 300.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h1",
        SUM(
          CASE
            WHEN (
              "t49"."step_4_seconds" >= 300.0
            ) AND (
              "t49"."step_4_seconds" < 900.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h2",
        SUM(
          CASE
            WHEN (
              "t49"."step_4_seconds" >= 900.0
            ) AND (
              "t49"."step_4_seconds" < 3600.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h3",
        SUM(
          CASE
            WHEN (
              "t49"."step_4_seconds" >= 3600.0
            ) AND (
              "t49"."step_4_seconds" < 14400.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h4",
        SUM(
          CASE
            WHEN (
              "t49"."step_4_seconds" >= 14400.0
            )
            AND (
              "t49"."step_4_seconds" < 86400.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h5",
        SUM(
          CASE
            WHEN (
              "t49"."step_4_seconds" >= 86400.0
            )
            AND (
              "t49"."step_4_seconds" < 259200.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h6",
        SUM(
          CASE
            WHEN (
              "t49"."step_4_seconds" >= 259200.0
            )
            AND (
              "t49"."step_4_seconds" < 604800.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h7",
        SUM(
          CASE
            WHEN (
              "t49"."step_4_seconds" >= 604800.0
            )
            AND (
              "t49"."step_4_seconds" < 1209600.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h8",
        SUM(
          CASE
            WHEN (
              "t49"."step_4_seconds" >= 1209600.0
            )
            AND (
              "t49"."step_4_seconds" < 2592000.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h9",
        SUM(CASE WHEN "t49"."step_4_seconds" >= 2592000.0 THEN 1 ELSE 0 END) AS "_h10"
      FROM "t48" AS "t49"
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
        2 AS "step",
        "t51"."_h0" AS "_h0",
        "t51"."_h1" AS "_h1",
        "t51"."_h2" AS "_h2",
        "t51"."_h3" AS "_h3",
        "t51"."_h4" AS "_h4",
        "t51"."_h5" AS "_h5",
        "t51"."_h6" AS "_h6",
        "t51"."_h7" AS "_h7",
        "t51"."_h8" AS "_h8",
        "t51"."_h9" AS "_h9",
        "t51"."_h10" AS "_h10"
      FROM (
        SELECT
          SUM(
            CASE
              WHEN (
                "t49"."step_2_seconds" >= 0.0
              ) AND (
                "t49"."step_2_seconds" < 60.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h0",
          SUM(
            CASE
              WHEN (
                "t49"."step_2_seconds" >= 60.0
              ) AND (
                "t49"."step_2_seconds" < 300.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h1",
          SUM(
            CASE
              WHEN (
                "t49"."step_2_seconds" >= 300.0
              ) AND (
                "t49"."step_2_seconds" < 900.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h2",
          SUM(
            CASE
              WHEN (
                "t49"."step_2_seconds" >= 900.0
              ) AND (
                "t49"."step_2_seconds" < 3600.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h3",
          SUM(
            CASE
              WHEN (
                "t49"."step_2_seconds" >= 3600.0
              ) AND (
                "t49"."step_2_seconds" < 14400.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h4",
          SUM(
            CASE
              WHEN (
                "t49"."step_2_seconds" >= 14400.0
              )
              AND (
                "t49"."step_2_seconds" < 86400.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h5",
          SUM(
            CASE
              WHEN (
                "t49"."step_2_seconds" >= 86400.0
              )
              AND (
                "t49"."step_2_seconds" < 259200.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h6",
          SUM(
            CASE
              WHEN (
                "t49"."step_2_seconds" >= 259200.0
              )
              AND (
                "t49"."step_2_seconds" < 604800.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h7",
          SUM(
            CASE
              WHEN (
                "t49"."step_2_seconds" >= 604800.0
              )
              AND (
                "t49"."step_2_seconds" < 1209600.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h8",
          SUM(
            CASE
              WHEN (
                "t49"."step_2_seconds" >= 1209600.0
              )
              AND (
                "t49"."step_2_seconds" < 2592000.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h9",
          SUM(CASE WHEN "t49"."step_2_seconds" >= 2592000.0 THEN 1 ELSE 0 END) AS "_h10"
        FROM "t48" AS "t49"
      ) AS "t51"
    ) AS "t54"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        3 AS "step",
        "t52"."_h0" AS "_h0",
        "t52"."_h1" AS "_h1",
        "t52"."_h2" AS "_h2",
        "t52"."_h3" AS "_h3",
        "t52"."_h4" AS "_h4",
        "t52"."_h5" AS "_h5",
        "t52"."_h6" AS "_h6",
        "t52"."_h7" AS "_h7",
        "t52"."_h8" AS "_h8",
        "t52"."_h9" AS "_h9",
        "t52"."_h10" AS "_h10"
      FROM (
        SELECT
          SUM(
            CASE
              WHEN (
                "t49"."step_3_seconds" >= 0.0
              ) AND (
                "t49"."step_3_seconds" < 60.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h0",
          SUM(
            CASE
              WHEN (
                "t49"."step_3_seconds" >= 60.0
              ) AND (
                "t49"."step_3_seconds" < 300.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h1",
          SUM(
            CASE
              WHEN (
                "t49"."step_3_seconds" >= 300.0
              ) AND (
                "t49"."step_3_seconds" < 900.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h2",
          SUM(
            CASE
              WHEN (
                "t49"."step_3_seconds" >= 900.0
              ) AND (
                "t49"."step_3_seconds" < 3600.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h3",
          SUM(
            CASE
              WHEN (
                "t49"."step_3_seconds" >= 3600.0
              ) AND (
                "t49"."step_3_seconds" < 14400.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h4",
          SUM(
            CASE
              WHEN (
                "t49"."step_3_seconds" >= 14400.0
              )
              AND (
                "t49"."step_3_seconds" < 86400.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h5",
          SUM(
            CASE
              WHEN (
                "t49"."step_3_seconds" >= 86400.0
              )
              AND (
                "t49"."step_3_seconds" < 259200.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h6",
          SUM(
            CASE
              WHEN (
                "t49"."step_3_seconds" >= 259200.0
              )
              AND (
                "t49"."step_3_seconds" < 604800.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h7",
          SUM(
            CASE
              WHEN (
                "t49"."step_3_seconds" >= 604800.0
              )
              AND (
                "t49"."step_3_seconds" < 1209600.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h8",
          SUM(
            CASE
              WHEN (
                "t49"."step_3_seconds" >= 1209600.0
              )
              AND (
                "t49"."step_3_seconds" < 2592000.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h9",
          SUM(CASE WHEN "t49"."step_3_seconds" >= 2592000.0 THEN 1 ELSE 0 END) AS "_h10"
        FROM "t48" AS "t49"
      ) AS "t52"
    ) AS "t55"
  ) AS "t56"
)
SELECT
  *
FROM (
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t58"."step" AS "step",
          '1-3d' AS "bin",
          86400.0 AS "from_seconds",
          259200.0 AS "to_seconds",
          COALESCE("t58"."_h6", 0) AS "count"
        FROM "t57" AS "t58"
      ) AS "t59"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t58"."step" AS "step",
          '3-7d' AS "bin",
          259200.0 AS "from_seconds",
          604800.0 AS "to_seconds",
          COALESCE("t58"."_h7", 0) AS "count"
        FROM "t57" AS "t58"
      ) AS "t60"
    ) AS "t70"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t58"."step" AS "step",
          '7-14d' AS "bin",
          604800.0 AS "from_seconds",
          1209600.0 AS "to_seconds",
          COALESCE("t58"."_h8", 0) AS "count"
        FROM "t57" AS "t58"
      ) AS "t61"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t58"."step" AS "step",
          '14-30d' AS "bin",
          1209600.0 AS "from_seconds",
          2592000.0 AS "to_seconds",
          COALESCE("t58"."_h9", 0) AS "count"
        FROM "t57" AS "t58"
      ) AS "t62"
    ) AS "t71"
  ) AS "t75"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t58"."step" AS "step",
          '>=30d' AS "bin",
          2592000.0 AS "from_seconds",
          CAST(NULL AS Nullable(Float64)) AS "to_seconds",
          COALESCE("t58"."_h10", 0) AS "count"
        FROM "t57" AS "t58"
      ) AS "t63"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t58"."step" AS "step",
            '<1m' AS "bin",
            0.0 AS "from_seconds",
            60.0 AS "to_seconds",
            COALESCE("t58"."_h0", 0) AS "count"
          FROM "t57" AS "t58"
        ) AS "t64"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t58"."step" AS "step",
            '1-5m' AS "bin",
            60.0 AS "from_seconds",
            300.0 AS "to_seconds",
            COALESCE("t58"."_h1", 0) AS "count"
          FROM "t57" AS "t58"
        ) AS "t65"
      ) AS "t72"
    ) AS "t76"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t58"."step" AS "step",
            '5-15m' AS "bin",
            300.0 AS "from_seconds",
            900.0 AS "to_seconds",
            COALESCE("t58"."_h2", 0) AS "count"
          FROM "t57" AS "t58"
        ) AS "t66"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t58"."step" AS "step",
            '15-60m' AS "bin",
            900.0 AS "from_seconds",
            3600.0 AS "to_seconds",
            COALESCE("t58"."_h3", 0) AS "count"
          FROM "t57" AS "t58"
        ) AS "t67"
      ) AS "t73"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t58"."step" AS "step",
            '1-4h' AS "bin",
            3600.0 AS "from_seconds",
            14400.0 AS "to_seconds",
            COALESCE("t58"."_h4", 0) AS "count"
          FROM "t57" AS "t58"
        ) AS "t68"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t58"."step" AS "step",
            '4-24h' AS "bin",
            14400.0 AS "from_seconds",
            86400.0 AS "to_seconds",
            COALESCE("t58"."_h5", 0) AS "count"
          FROM "t57" AS "t58"
        ) AS "t69"
      ) AS "t74"
    ) AS "t77"
  ) AS "t78"
) AS "t79"
ORDER BY
  "t79"."step" ASC,
  "t79"."from_seconds" ASC
