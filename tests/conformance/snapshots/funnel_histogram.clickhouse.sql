WITH "t4" AS (
  SELECT
    "t3"."unit" AS "unit",
    "t3"."ts" AS "ts",
    "t3"."seq" AS "seq",
    "t3"."_f_entry" AS "_f_entry",
    "t3"."_f_k" AS "_f_k",
    "t3"."_f_l" AS "_f_l",
    ROW_NUMBER() OVER (
      PARTITION BY "t3"."unit"
      ORDER BY "t3"."ts" ASC, "t3"."seq" ASC, "t3"."_f_l" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1 AS "_f_pos"
  FROM (
    SELECT
      "t2".*
      EXCEPT ("_f_step", "label")
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
        CASE
          WHEN "t1"."label" = 'add_to_cart'
          THEN 0
          WHEN "t1"."label" = 'checkout_started'
          THEN 1
          WHEN "t1"."label" = 'order_completed'
          THEN 2
          WHEN "t1"."label" = 'product_view'
          THEN 3
          ELSE NULL
        END AS "_f_l"
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
          AND "t0"."label" IN ('add_to_cart', 'checkout_started', 'order_completed', 'product_view')
          AND isNotNull(
            CASE
              WHEN "t0"."label" IN ('product_view', 'add_to_cart', 'checkout_started', 'order_completed')
              THEN "t0"."label"
              ELSE CAST(NULL AS Nullable(String))
            END
          )
      ) AS "t1"
    ) AS "t2"
  ) AS "t3"
), "t17" AS (
  SELECT
    "t16"."unit" AS "unit",
    "t16"."_f_pos" AS "_f_pos",
    MAX("t16"."_f_w") AS "_f_v",
    MAX("t16"."ts") AS "ts",
    MAX("t16"."_f_entry") AS "_f_entry"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t11"."unit" AS "unit",
        "t11"."ts" AS "ts",
        "t11"."_f_entry" AS "_f_entry",
        "t11"."_f_pos" AS "_f_pos",
        "t11"."_f_k" AS "_f_k",
        "t10"."_f_p" AS "_f_p",
        "t10"."_f_w" AS "_f_w"
      FROM (
        SELECT
          "t5"."unit" AS "unit",
          "t5"."ts" AS "ts",
          "t5"."_f_entry" AS "_f_entry",
          "t5"."_f_pos" AS "_f_pos",
          "t5"."_f_k" AS "_f_k"
        FROM "t4" AS "t5"
        WHERE
          "t5"."_f_k" = 1
      ) AS "t11"
      INNER JOIN (
        SELECT
          "t5"."unit" AS "unit",
          "t5"."_f_pos" AS "_f_p",
          "t5"."ts" AS "_f_w"
        FROM "t4" AS "t5"
        WHERE
          "t5"."_f_k" = 0 AND "t5"."_f_entry" = 0
      ) AS "t10"
        ON "t11"."unit" = "t10"."unit"
    ) AS "t15"
    WHERE
      "t15"."_f_p" < "t15"."_f_pos"
  ) AS "t16"
  GROUP BY
    "t16"."unit",
    "t16"."_f_pos"
), "t25" AS (
  SELECT
    "t24"."unit" AS "unit",
    "t24"."_f_pos" AS "_f_pos",
    MAX("t24"."_f_w") AS "_f_v",
    MAX("t24"."ts") AS "ts",
    MAX("t24"."_f_entry") AS "_f_entry"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t12"."unit" AS "unit",
        "t12"."ts" AS "ts",
        "t12"."_f_entry" AS "_f_entry",
        "t12"."_f_pos" AS "_f_pos",
        "t12"."_f_k" AS "_f_k",
        "t21"."_f_p" AS "_f_p",
        "t21"."_f_w" AS "_f_w"
      FROM (
        SELECT
          "t5"."unit" AS "unit",
          "t5"."ts" AS "ts",
          "t5"."_f_entry" AS "_f_entry",
          "t5"."_f_pos" AS "_f_pos",
          "t5"."_f_k" AS "_f_k"
        FROM "t4" AS "t5"
        WHERE
          "t5"."_f_k" = 2
      ) AS "t12"
      INNER JOIN (
        SELECT
          "t18"."unit" AS "unit",
          "t18"."_f_pos" AS "_f_p",
          "t18"."_f_v" AS "_f_w"
        FROM "t17" AS "t18"
      ) AS "t21"
        ON "t12"."unit" = "t21"."unit"
    ) AS "t23"
    WHERE
      "t23"."_f_p" < "t23"."_f_pos"
  ) AS "t24"
  GROUP BY
    "t24"."unit",
    "t24"."_f_pos"
), "t36" AS (
  SELECT
    "t35"."unit" AS "unit",
    "t35"."ts" AS "ts",
    "t35"."_f_entry" AS "_f_entry",
    "t35"."_f_step" AS "_f_step",
    "t35"."_f_a0" AS "_f_a0",
    "t35"."_f_a1" AS "_f_a1",
    "t35"."_f_a2" AS "_f_a2",
    "t35"."_f_a3" AS "_f_a3",
    isNotNull("t35"."_f_a0")
    AND (
      DATE_DIFF(MICROSECOND, "t35"."_f_a0", "t35"."ts") <= 86400000000
    ) AS "_f_v0",
    isNotNull("t35"."_f_a1")
    AND (
      DATE_DIFF(MICROSECOND, "t35"."_f_a1", "t35"."ts") <= 86400000000
    ) AS "_f_v1",
    isNotNull("t35"."_f_a2")
    AND (
      DATE_DIFF(MICROSECOND, "t35"."_f_a2", "t35"."ts") <= 86400000000
    ) AS "_f_v2",
    isNotNull("t35"."_f_a3")
    AND (
      DATE_DIFF(MICROSECOND, "t35"."_f_a3", "t35"."ts") <= 86400000000
    ) AS "_f_v3"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t5"."unit" AS "unit",
          "t5"."ts" AS "ts",
          "t5"."_f_entry" AS "_f_entry",
          CASE
            WHEN "t5"."_f_k" = 0
            THEN 'product_view'
            WHEN "t5"."_f_k" = 1
            THEN 'add_to_cart'
            WHEN "t5"."_f_k" = 2
            THEN 'checkout_started'
            WHEN "t5"."_f_k" = 3
            THEN 'order_completed'
            ELSE NULL
          END AS "_f_step",
          CASE
            WHEN (
              "t5"."_f_k" = 0
            ) AND (
              "t5"."_f_entry" = 0
            )
            THEN "t5"."ts"
            ELSE CAST(NULL AS Nullable(DateTime))
          END AS "_f_a0",
          CAST(NULL AS Nullable(DateTime)) AS "_f_a1",
          CAST(NULL AS Nullable(DateTime)) AS "_f_a2",
          CAST(NULL AS Nullable(DateTime)) AS "_f_a3"
        FROM "t4" AS "t5"
        WHERE
          "t5"."_f_k" = 0 AND "t5"."_f_entry" = 0
      ) AS "t14"
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
    ) AS "t22"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t26"."unit" AS "unit",
          CAST("t26"."ts" AS DateTime) AS "ts",
          "t26"."_f_entry" AS "_f_entry",
          'checkout_started' AS "_f_step",
          CAST(NULL AS Nullable(DateTime)) AS "_f_a0",
          CAST(NULL AS Nullable(DateTime)) AS "_f_a1",
          "t26"."_f_v" AS "_f_a2",
          CAST(NULL AS Nullable(DateTime)) AS "_f_a3"
        FROM "t25" AS "t26"
      ) AS "t28"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t32"."unit" AS "unit",
          CAST("t32"."ts" AS DateTime) AS "ts",
          "t32"."_f_entry" AS "_f_entry",
          'order_completed' AS "_f_step",
          CAST(NULL AS Nullable(DateTime)) AS "_f_a0",
          CAST(NULL AS Nullable(DateTime)) AS "_f_a1",
          CAST(NULL AS Nullable(DateTime)) AS "_f_a2",
          "t32"."_f_v" AS "_f_a3"
        FROM (
          SELECT
            "t31"."unit" AS "unit",
            "t31"."_f_pos" AS "_f_pos",
            MAX("t31"."_f_w") AS "_f_v",
            MAX("t31"."ts") AS "ts",
            MAX("t31"."_f_entry") AS "_f_entry"
          FROM (
            SELECT
              *
            FROM (
              SELECT
                "t13"."unit" AS "unit",
                "t13"."ts" AS "ts",
                "t13"."_f_entry" AS "_f_entry",
                "t13"."_f_pos" AS "_f_pos",
                "t13"."_f_k" AS "_f_k",
                "t29"."_f_p" AS "_f_p",
                "t29"."_f_w" AS "_f_w"
              FROM (
                SELECT
                  "t5"."unit" AS "unit",
                  "t5"."ts" AS "ts",
                  "t5"."_f_entry" AS "_f_entry",
                  "t5"."_f_pos" AS "_f_pos",
                  "t5"."_f_k" AS "_f_k"
                FROM "t4" AS "t5"
                WHERE
                  "t5"."_f_k" = 3
              ) AS "t13"
              INNER JOIN (
                SELECT
                  "t26"."unit" AS "unit",
                  "t26"."_f_pos" AS "_f_p",
                  "t26"."_f_v" AS "_f_w"
                FROM "t25" AS "t26"
              ) AS "t29"
                ON "t13"."unit" = "t29"."unit"
            ) AS "t30"
            WHERE
              "t30"."_f_p" < "t30"."_f_pos"
          ) AS "t31"
          GROUP BY
            "t31"."unit",
            "t31"."_f_pos"
        ) AS "t32"
      ) AS "t33"
    ) AS "t34"
  ) AS "t35"
), "t44" AS (
  SELECT
    "t43"."unit" AS "unit",
    "t43"."_f_entry" + 1 AS "entry",
    CASE
      WHEN isNotNull("t43"."_f_t3")
      THEN 4
      WHEN isNotNull("t43"."_f_t2")
      THEN 3
      WHEN isNotNull("t43"."_f_t1")
      THEN 2
      WHEN isNotNull("t43"."_f_t0")
      THEN 1
      ELSE CAST(NULL AS Nullable(Int64))
    END AS "reached",
    "t43"."_f_t0" AS "step_1_ts",
    "t43"."_f_t1" AS "step_2_ts",
    "t43"."_f_t2" AS "step_3_ts",
    "t43"."_f_t3" AS "step_4_ts",
    CASE
      WHEN "t43"."_f_entry" < 0
      THEN CAST(DATE_DIFF(MICROSECOND, "t43"."_f_s0", "t43"."_f_t0") AS Nullable(Float64)) / 1000000
      ELSE CAST(NULL AS Nullable(Float64))
    END AS "step_1_seconds",
    CASE
      WHEN "t43"."_f_entry" < 1
      THEN CAST(DATE_DIFF(MICROSECOND, "t43"."_f_s1", "t43"."_f_t1") AS Nullable(Float64)) / 1000000
      ELSE CAST(NULL AS Nullable(Float64))
    END AS "step_2_seconds",
    CASE
      WHEN "t43"."_f_entry" < 2
      THEN CAST(DATE_DIFF(MICROSECOND, "t43"."_f_s2", "t43"."_f_t2") AS Nullable(Float64)) / 1000000
      ELSE CAST(NULL AS Nullable(Float64))
    END AS "step_3_seconds",
    CASE
      WHEN "t43"."_f_entry" < 3
      THEN CAST(DATE_DIFF(MICROSECOND, "t43"."_f_s3", "t43"."_f_t3") AS Nullable(Float64)) / 1000000
      ELSE CAST(NULL AS Nullable(Float64))
    END AS "step_4_seconds"
  FROM (
    SELECT
      "t42"."unit" AS "unit",
      MAX("t42"."_f_entry") AS "_f_entry",
      MAX("t42"."_f_t0") AS "_f_t0",
      MAX(
        CASE
          WHEN "t42"."_f_v0" AND (
            "t42"."ts" = "t42"."_f_t0"
          )
          THEN "t42"."_f_a0"
          ELSE CAST(NULL AS Nullable(DateTime))
        END
      ) AS "_f_s0",
      MAX("t42"."_f_t1") AS "_f_t1",
      MAX(
        CASE
          WHEN "t42"."_f_v1" AND (
            "t42"."ts" = "t42"."_f_t1"
          )
          THEN "t42"."_f_a1"
          ELSE CAST(NULL AS Nullable(DateTime))
        END
      ) AS "_f_s1",
      MAX("t42"."_f_t2") AS "_f_t2",
      MAX(
        CASE
          WHEN "t42"."_f_v2" AND (
            "t42"."ts" = "t42"."_f_t2"
          )
          THEN "t42"."_f_a2"
          ELSE CAST(NULL AS Nullable(DateTime))
        END
      ) AS "_f_s2",
      MAX("t42"."_f_t3") AS "_f_t3",
      MAX(
        CASE
          WHEN "t42"."_f_v3" AND (
            "t42"."ts" = "t42"."_f_t3"
          )
          THEN "t42"."_f_a3"
          ELSE CAST(NULL AS Nullable(DateTime))
        END
      ) AS "_f_s3"
    FROM (
      SELECT
        "t41".*
        EXCEPT ("_f_unit")
      FROM (
        SELECT
          "t38"."unit" AS "unit",
          "t38"."ts" AS "ts",
          "t38"."_f_entry" AS "_f_entry",
          "t38"."_f_step" AS "_f_step",
          "t38"."_f_a0" AS "_f_a0",
          "t38"."_f_a1" AS "_f_a1",
          "t38"."_f_a2" AS "_f_a2",
          "t38"."_f_a3" AS "_f_a3",
          "t38"."_f_v0" AS "_f_v0",
          "t38"."_f_v1" AS "_f_v1",
          "t38"."_f_v2" AS "_f_v2",
          "t38"."_f_v3" AS "_f_v3",
          "t40"."_f_unit" AS "_f_unit",
          "t40"."_f_t0" AS "_f_t0",
          "t40"."_f_t1" AS "_f_t1",
          "t40"."_f_t2" AS "_f_t2",
          "t40"."_f_t3" AS "_f_t3"
        FROM "t36" AS "t38"
        INNER JOIN (
          SELECT
            "t37"."unit" AS "_f_unit",
            MIN(
              CASE WHEN "t37"."_f_v0" THEN "t37"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
            ) AS "_f_t0",
            MIN(
              CASE WHEN "t37"."_f_v1" THEN "t37"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
            ) AS "_f_t1",
            MIN(
              CASE WHEN "t37"."_f_v2" THEN "t37"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
            ) AS "_f_t2",
            MIN(
              CASE WHEN "t37"."_f_v3" THEN "t37"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
            ) AS "_f_t3"
          FROM "t36" AS "t37"
          GROUP BY
            "t37"."unit"
        ) AS "t40"
          ON "t38"."unit" = "t40"."_f_unit"
      ) AS "t41"
    ) AS "t42"
    GROUP BY
      "t42"."unit"
  ) AS "t43"
  WHERE
    isNotNull("t43"."_f_t0")
), "t53" AS (
  SELECT
    *
  FROM (
    SELECT
      4 AS "step",
      "t46"."_h0" AS "_h0",
      "t46"."_h1" AS "_h1",
      "t46"."_h2" AS "_h2",
      "t46"."_h3" AS "_h3",
      "t46"."_h4" AS "_h4",
      "t46"."_h5" AS "_h5",
      "t46"."_h6" AS "_h6",
      "t46"."_h7" AS "_h7",
      "t46"."_h8" AS "_h8",
      "t46"."_h9" AS "_h9",
      "t46"."_h10" AS "_h10"
    FROM (
      SELECT
        SUM(
          CASE
            WHEN (
              "t45"."step_4_seconds" >= 0.0
            ) AND (
              "t45"."step_4_seconds" < 60.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h0",
        SUM(
          CASE
            WHEN (
              "t45"."step_4_seconds" >= 60.0
            ) AND (
              "t45"."step_4_seconds" < 300.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h1",
        SUM(
          CASE
            WHEN (
              "t45"."step_4_seconds" >= 300.0
            ) AND (
              "t45"."step_4_seconds" < 900.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h2",
        SUM(
          CASE
            WHEN (
              "t45"."step_4_seconds" >= 900.0
            ) AND (
              "t45"."step_4_seconds" < 3600.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h3",
        SUM(
          CASE
            WHEN (
              "t45"."step_4_seconds" >= 3600.0
            ) AND (
              "t45"."step_4_seconds" < 14400.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h4",
        SUM(
          CASE
            WHEN (
              "t45"."step_4_seconds" >= 14400.0
            )
            AND (
              "t45"."step_4_seconds" < 86400.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h5",
        SUM(
          CASE
            WHEN (
              "t45"."step_4_seconds" >= 86400.0
            )
            AND (
              "t45"."step_4_seconds" < 259200.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h6",
        SUM(
          CASE
            WHEN (
              "t45"."step_4_seconds" >= 259200.0
            )
            AND (
              "t45"."step_4_seconds" < 604800.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h7",
        SUM(
          CASE
            WHEN (
              "t45"."step_4_seconds" >= 604800.0
            )
            AND (
              "t45"."step_4_seconds" < 1209600.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h8",
        SUM(
          CASE
            WHEN (
              "t45"."step_4_seconds" >= 1209600.0
            )
            AND (
              "t45"."step_4_seconds" < 2592000.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h9",
        SUM(CASE WHEN "t45"."step_4_seconds" >= 2592000.0 THEN 1 ELSE 0 END) AS "_h10"
      FROM "t44" AS "t45"
    ) AS "t46"
  ) AS "t49"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        2 AS "step",
        "t47"."_h0" AS "_h0",
        "t47"."_h1" AS "_h1",
        "t47"."_h2" AS "_h2",
        "t47"."_h3" AS "_h3",
        "t47"."_h4" AS "_h4",
        "t47"."_h5" AS "_h5",
        "t47"."_h6" AS "_h6",
        "t47"."_h7" AS "_h7",
        "t47"."_h8" AS "_h8",
        "t47"."_h9" AS "_h9",
        "t47"."_h10" AS "_h10"
      FROM (
        SELECT
          SUM(
            CASE
              WHEN (
                "t45"."step_2_seconds" >= 0.0
              ) AND (
                "t45"."step_2_seconds" < 60.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h0",
          SUM(
            CASE
              WHEN (
                "t45"."step_2_seconds" >= 60.0
              ) AND (
                "t45"."step_2_seconds" < 300.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h1",
          SUM(
            CASE
              WHEN (
                "t45"."step_2_seconds" >= 300.0
              ) AND (
                "t45"."step_2_seconds" < 900.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h2",
          SUM(
            CASE
              WHEN (
                "t45"."step_2_seconds" >= 900.0
              ) AND (
                "t45"."step_2_seconds" < 3600.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h3",
          SUM(
            CASE
              WHEN (
                "t45"."step_2_seconds" >= 3600.0
              ) AND (
                "t45"."step_2_seconds" < 14400.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h4",
          SUM(
            CASE
              WHEN (
                "t45"."step_2_seconds" >= 14400.0
              )
              AND (
                "t45"."step_2_seconds" < 86400.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h5",
          SUM(
            CASE
              WHEN (
                "t45"."step_2_seconds" >= 86400.0
              )
              AND (
                "t45"."step_2_seconds" < 259200.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h6",
          SUM(
            CASE
              WHEN (
                "t45"."step_2_seconds" >= 259200.0
              )
              AND (
                "t45"."step_2_seconds" < 604800.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h7",
          SUM(
            CASE
              WHEN (
                "t45"."step_2_seconds" >= 604800.0
              )
              AND (
                "t45"."step_2_seconds" < 1209600.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h8",
          SUM(
            CASE
              WHEN (
                "t45"."step_2_seconds" >= 1209600.0
              )
              AND (
                "t45"."step_2_seconds" < 2592000.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h9",
          SUM(CASE WHEN "t45"."step_2_seconds" >= 2592000.0 THEN 1 ELSE 0 END) AS "_h10"
        FROM "t44" AS "t45"
      ) AS "t47"
    ) AS "t50"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        3 AS "step",
        "t48"."_h0" AS "_h0",
        "t48"."_h1" AS "_h1",
        "t48"."_h2" AS "_h2",
        "t48"."_h3" AS "_h3",
        "t48"."_h4" AS "_h4",
        "t48"."_h5" AS "_h5",
        "t48"."_h6" AS "_h6",
        "t48"."_h7" AS "_h7",
        "t48"."_h8" AS "_h8",
        "t48"."_h9" AS "_h9",
        "t48"."_h10" AS "_h10"
      FROM (
        SELECT
          SUM(
            CASE
              WHEN (
                "t45"."step_3_seconds" >= 0.0
              ) AND (
                "t45"."step_3_seconds" < 60.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h0",
          SUM(
            CASE
              WHEN (
                "t45"."step_3_seconds" >= 60.0
              ) AND (
                "t45"."step_3_seconds" < 300.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h1",
          SUM(
            CASE
              WHEN (
                "t45"."step_3_seconds" >= 300.0
              ) AND (
                "t45"."step_3_seconds" < 900.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h2",
          SUM(
            CASE
              WHEN (
                "t45"."step_3_seconds" >= 900.0
              ) AND (
                "t45"."step_3_seconds" < 3600.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h3",
          SUM(
            CASE
              WHEN (
                "t45"."step_3_seconds" >= 3600.0
              ) AND (
                "t45"."step_3_seconds" < 14400.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h4",
          SUM(
            CASE
              WHEN (
                "t45"."step_3_seconds" >= 14400.0
              )
              AND (
                "t45"."step_3_seconds" < 86400.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h5",
          SUM(
            CASE
              WHEN (
                "t45"."step_3_seconds" >= 86400.0
              )
              AND (
                "t45"."step_3_seconds" < 259200.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h6",
          SUM(
            CASE
              WHEN (
                "t45"."step_3_seconds" >= 259200.0
              )
              AND (
                "t45"."step_3_seconds" < 604800.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h7",
          SUM(
            CASE
              WHEN (
                "t45"."step_3_seconds" >= 604800.0
              )
              AND (
                "t45"."step_3_seconds" < 1209600.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h8",
          SUM(
            CASE
              WHEN (
                "t45"."step_3_seconds" >= 1209600.0
              )
              AND (
                "t45"."step_3_seconds" < 2592000.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h9",
          SUM(CASE WHEN "t45"."step_3_seconds" >= 2592000.0 THEN 1 ELSE 0 END) AS "_h10"
        FROM "t44" AS "t45"
      ) AS "t48"
    ) AS "t51"
  ) AS "t52"
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
          "t54"."step" AS "step",
          '1-3d' AS "bin",
          86400.0 AS "from_seconds",
          259200.0 AS "to_seconds",
          COALESCE("t54"."_h6", 0) AS "count"
        FROM "t53" AS "t54"
      ) AS "t55"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t54"."step" AS "step",
          '3-7d' AS "bin",
          259200.0 AS "from_seconds",
          604800.0 AS "to_seconds",
          COALESCE("t54"."_h7", 0) AS "count"
        FROM "t53" AS "t54"
      ) AS "t56"
    ) AS "t66"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t54"."step" AS "step",
          '7-14d' AS "bin",
          604800.0 AS "from_seconds",
          1209600.0 AS "to_seconds",
          COALESCE("t54"."_h8", 0) AS "count"
        FROM "t53" AS "t54"
      ) AS "t57"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t54"."step" AS "step",
          '14-30d' AS "bin",
          1209600.0 AS "from_seconds",
          2592000.0 AS "to_seconds",
          COALESCE("t54"."_h9", 0) AS "count"
        FROM "t53" AS "t54"
      ) AS "t58"
    ) AS "t67"
  ) AS "t71"
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
          "t54"."step" AS "step",
          '>=30d' AS "bin",
          2592000.0 AS "from_seconds",
          CAST(NULL AS Nullable(Float64)) AS "to_seconds",
          COALESCE("t54"."_h10", 0) AS "count"
        FROM "t53" AS "t54"
      ) AS "t59"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t54"."step" AS "step",
            '<1m' AS "bin",
            0.0 AS "from_seconds",
            60.0 AS "to_seconds",
            COALESCE("t54"."_h0", 0) AS "count"
          FROM "t53" AS "t54"
        ) AS "t60"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t54"."step" AS "step",
            '1-5m' AS "bin",
            60.0 AS "from_seconds",
            300.0 AS "to_seconds",
            COALESCE("t54"."_h1", 0) AS "count"
          FROM "t53" AS "t54"
        ) AS "t61"
      ) AS "t68"
    ) AS "t72"
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
            "t54"."step" AS "step",
            '5-15m' AS "bin",
            300.0 AS "from_seconds",
            900.0 AS "to_seconds",
            COALESCE("t54"."_h2", 0) AS "count"
          FROM "t53" AS "t54"
        ) AS "t62"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t54"."step" AS "step",
            '15-60m' AS "bin",
            900.0 AS "from_seconds",
            3600.0 AS "to_seconds",
            COALESCE("t54"."_h3", 0) AS "count"
          FROM "t53" AS "t54"
        ) AS "t63"
      ) AS "t69"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t54"."step" AS "step",
            '1-4h' AS "bin",
            3600.0 AS "from_seconds",
            14400.0 AS "to_seconds",
            COALESCE("t54"."_h4", 0) AS "count"
          FROM "t53" AS "t54"
        ) AS "t64"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t54"."step" AS "step",
            '4-24h' AS "bin",
            14400.0 AS "from_seconds",
            86400.0 AS "to_seconds",
            COALESCE("t54"."_h5", 0) AS "count"
          FROM "t53" AS "t54"
        ) AS "t65"
      ) AS "t70"
    ) AS "t73"
  ) AS "t74"
) AS "t75"
ORDER BY
  "t75"."step" ASC,
  "t75"."from_seconds" ASC
