WITH "t2" AS (
  SELECT
    "t1"."unit",
    "t1"."ts",
    "t1"."_f_k",
    ROW_NUMBER() OVER (
      PARTITION BY "t1"."unit"
      ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1 AS "_f_pos"
  FROM (
    SELECT
      "t0"."unit",
      "t0"."ts",
      "t0"."seq",
      "t0"."label",
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
      "t0"."unit" IS NOT NULL
      AND "t0"."label" IN ('add_to_cart', 'checkout_started', 'order_completed', 'product_view')
  ) AS "t1"
), "t17" AS (
  SELECT
    "t16"."unit",
    "t16"."_f_v",
    MIN("t16"."_f_pos") AS "_f_pos",
    MIN("t16"."ts") AS "ts"
  FROM (
    SELECT
      "t15"."unit",
      "t15"."_f_pos",
      MAX("t15"."_f_w") AS "_f_v",
      MAX("t15"."ts") AS "ts"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t8"."unit",
          "t8"."ts",
          "t8"."_f_k",
          "t8"."_f_pos",
          "t13"."_f_w",
          "t13"."_f_p"
        FROM (
          SELECT
            *
          FROM "t2" AS "t3"
          WHERE
            "t3"."_f_k" = 1
        ) AS "t8"
        INNER JOIN (
          SELECT
            "t4"."unit",
            "t4"."_f_v" AS "_f_w",
            MIN("t4"."_f_pos") AS "_f_p"
          FROM (
            SELECT
              "t3"."unit",
              "t3"."_f_pos",
              "t3"."ts" AS "_f_v"
            FROM "t2" AS "t3"
            WHERE
              "t3"."_f_k" = 0
          ) AS "t4"
          GROUP BY
            1,
            2
        ) AS "t13"
          ON "t8"."unit" = "t13"."unit"
      ) AS "t14"
      WHERE
        "t14"."_f_p" < "t14"."_f_pos"
    ) AS "t15"
    GROUP BY
      1,
      2
  ) AS "t16"
  GROUP BY
    1,
    2
), "t26" AS (
  SELECT
    "t25"."unit",
    "t25"."_f_v",
    MIN("t25"."_f_pos") AS "_f_pos",
    MIN("t25"."ts") AS "ts"
  FROM (
    SELECT
      "t24"."unit",
      "t24"."_f_pos",
      MAX("t24"."_f_w") AS "_f_v",
      MAX("t24"."ts") AS "ts"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t9"."unit",
          "t9"."ts",
          "t9"."_f_k",
          "t9"."_f_pos",
          "t20"."_f_w",
          "t20"."_f_p"
        FROM (
          SELECT
            *
          FROM "t2" AS "t3"
          WHERE
            "t3"."_f_k" = 2
        ) AS "t9"
        INNER JOIN (
          SELECT
            "t18"."unit",
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
      1,
      2
  ) AS "t25"
  GROUP BY
    1,
    2
), "t40" AS (
  SELECT
    "t39"."unit",
    "t39"."_f_entry" + 1 AS "entry",
    CASE
      WHEN "t39"."_f_t3" IS NOT NULL
      THEN 4
      WHEN "t39"."_f_t2" IS NOT NULL
      THEN 3
      WHEN "t39"."_f_t1" IS NOT NULL
      THEN 2
      WHEN "t39"."_f_t0" IS NOT NULL
      THEN 1
      ELSE CAST(NULL AS BIGINT)
    END AS "reached",
    "t39"."_f_t0" AS "step_1_ts",
    "t39"."_f_t1" AS "step_2_ts",
    "t39"."_f_t2" AS "step_3_ts",
    "t39"."_f_t3" AS "step_4_ts",
    CASE
      WHEN "t39"."_f_entry" < 0
      THEN CAST(DATE_DIFF('MICROSECOND', "t39"."_f_s0", "t39"."_f_t0") AS DOUBLE) / 1000000
      ELSE CAST(NULL AS DOUBLE)
    END AS "step_1_seconds",
    CASE
      WHEN "t39"."_f_entry" < 1
      THEN CAST(DATE_DIFF('MICROSECOND', "t39"."_f_s1", "t39"."_f_t1") AS DOUBLE) / 1000000
      ELSE CAST(NULL AS DOUBLE)
    END AS "step_2_seconds",
    CASE
      WHEN "t39"."_f_entry" < 2
      THEN CAST(DATE_DIFF('MICROSECOND', "t39"."_f_s2", "t39"."_f_t2") AS DOUBLE) / 1000000
      ELSE CAST(NULL AS DOUBLE)
    END AS "step_3_seconds",
    CASE
      WHEN "t39"."_f_entry" < 3
      THEN CAST(DATE_DIFF('MICROSECOND', "t39"."_f_s3", "t39"."_f_t3") AS DOUBLE) / 1000000
      ELSE CAST(NULL AS DOUBLE)
    END AS "step_4_seconds"
  FROM (
    SELECT
      "t38"."unit",
      MAX("t38"."_f_entry") AS "_f_entry",
      MIN(CASE WHEN "t38"."_f_v0" THEN "t38"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t0",
      MIN("t38"."_f_a0") FILTER(WHERE
        "t38"."_f_v0") AS "_f_s0",
      MIN(CASE WHEN "t38"."_f_v1" THEN "t38"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t1",
      MIN("t38"."_f_a1") FILTER(WHERE
        "t38"."_f_v1") AS "_f_s1",
      MIN(CASE WHEN "t38"."_f_v2" THEN "t38"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t2",
      MIN("t38"."_f_a2") FILTER(WHERE
        "t38"."_f_v2") AS "_f_s2",
      MIN(CASE WHEN "t38"."_f_v3" THEN "t38"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t3",
      MIN("t38"."_f_a3") FILTER(WHERE
        "t38"."_f_v3") AS "_f_s3"
    FROM (
      SELECT
        "t37"."unit",
        "t37"."ts",
        "t37"."_f_pos",
        "t37"."_f_entry",
        "t37"."_f_step",
        "t37"."_f_a0",
        "t37"."_f_a1",
        "t37"."_f_a2",
        "t37"."_f_a3",
        (
          "t37"."_f_a0" IS NOT NULL
        )
        AND (
          DATE_DIFF('MICROSECOND', "t37"."_f_a0", "t37"."ts") <= 86400000000
        ) AS "_f_v0",
        (
          "t37"."_f_a1" IS NOT NULL
        )
        AND (
          DATE_DIFF('MICROSECOND', "t37"."_f_a1", "t37"."ts") <= 86400000000
        ) AS "_f_v1",
        (
          "t37"."_f_a2" IS NOT NULL
        )
        AND (
          DATE_DIFF('MICROSECOND', "t37"."_f_a2", "t37"."ts") <= 86400000000
        ) AS "_f_v2",
        (
          "t37"."_f_a3" IS NOT NULL
        )
        AND (
          DATE_DIFF('MICROSECOND', "t37"."_f_a3", "t37"."ts") <= 86400000000
        ) AS "_f_v3"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t3"."unit",
              "t3"."ts",
              "t3"."_f_pos",
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
              CASE WHEN "t3"."_f_k" = 0 THEN "t3"."ts" ELSE CAST(NULL AS TIMESTAMP) END AS "_f_a0",
              CAST(NULL AS TIMESTAMP) AS "_f_a1",
              CAST(NULL AS TIMESTAMP) AS "_f_a2",
              CAST(NULL AS TIMESTAMP) AS "_f_a3"
            FROM "t2" AS "t3"
            WHERE
              "t3"."_f_k" = 0
          ) AS "t10"
          UNION ALL
          SELECT
            *
          FROM (
            SELECT
              "t18"."unit",
              CAST("t18"."ts" AS TIMESTAMP) AS "ts",
              "t18"."_f_pos",
              0 AS "_f_entry",
              'add_to_cart' AS "_f_step",
              CAST(NULL AS TIMESTAMP) AS "_f_a0",
              "t18"."_f_v" AS "_f_a1",
              CAST(NULL AS TIMESTAMP) AS "_f_a2",
              CAST(NULL AS TIMESTAMP) AS "_f_a3"
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
              "t27"."unit",
              CAST("t27"."ts" AS TIMESTAMP) AS "ts",
              "t27"."_f_pos",
              0 AS "_f_entry",
              'checkout_started' AS "_f_step",
              CAST(NULL AS TIMESTAMP) AS "_f_a0",
              CAST(NULL AS TIMESTAMP) AS "_f_a1",
              "t27"."_f_v" AS "_f_a2",
              CAST(NULL AS TIMESTAMP) AS "_f_a3"
            FROM "t26" AS "t27"
          ) AS "t30"
          UNION ALL
          SELECT
            *
          FROM (
            SELECT
              "t34"."unit",
              CAST("t34"."ts" AS TIMESTAMP) AS "ts",
              "t34"."_f_pos",
              0 AS "_f_entry",
              'order_completed' AS "_f_step",
              CAST(NULL AS TIMESTAMP) AS "_f_a0",
              CAST(NULL AS TIMESTAMP) AS "_f_a1",
              CAST(NULL AS TIMESTAMP) AS "_f_a2",
              "t34"."_f_v" AS "_f_a3"
            FROM (
              SELECT
                "t33"."unit",
                "t33"."_f_v",
                MIN("t33"."_f_pos") AS "_f_pos",
                MIN("t33"."ts") AS "ts"
              FROM (
                SELECT
                  "t32"."unit",
                  "t32"."_f_pos",
                  MAX("t32"."_f_w") AS "_f_v",
                  MAX("t32"."ts") AS "ts"
                FROM (
                  SELECT
                    *
                  FROM (
                    SELECT
                      "t11"."unit",
                      "t11"."ts",
                      "t11"."_f_k",
                      "t11"."_f_pos",
                      "t29"."_f_w",
                      "t29"."_f_p"
                    FROM (
                      SELECT
                        *
                      FROM "t2" AS "t3"
                      WHERE
                        "t3"."_f_k" = 3
                    ) AS "t11"
                    INNER JOIN (
                      SELECT
                        "t27"."unit",
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
                  1,
                  2
              ) AS "t33"
              GROUP BY
                1,
                2
            ) AS "t34"
          ) AS "t35"
        ) AS "t36"
      ) AS "t37"
    ) AS "t38"
    GROUP BY
      1
  ) AS "t39"
  WHERE
    "t39"."_f_t0" IS NOT NULL
), "t49" AS (
  SELECT
    *
  FROM (
    SELECT
      4 AS "step",
      "t42"."_h0",
      "t42"."_h1",
      "t42"."_h2",
      "t42"."_h3",
      "t42"."_h4",
      "t42"."_h5",
      "t42"."_h6",
      "t42"."_h7",
      "t42"."_h8",
      "t42"."_h9",
      "t42"."_h10"
    FROM (
      SELECT
        SUM(
          CASE
            WHEN (
              "t41"."step_4_seconds" >= 0.0
            ) AND (
              "t41"."step_4_seconds" < 60.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h0",
        SUM(
          CASE
            WHEN (
              "t41"."step_4_seconds" >= 60.0
            ) AND (
              "t41"."step_4_seconds" < 300.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h1",
        SUM(
          CASE
            WHEN (
              "t41"."step_4_seconds" >= 300.0
            ) AND (
              "t41"."step_4_seconds" < 900.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h2",
        SUM(
          CASE
            WHEN (
              "t41"."step_4_seconds" >= 900.0
            ) AND (
              "t41"."step_4_seconds" < 3600.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h3",
        SUM(
          CASE
            WHEN (
              "t41"."step_4_seconds" >= 3600.0
            ) AND (
              "t41"."step_4_seconds" < 14400.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h4",
        SUM(
          CASE
            WHEN (
              "t41"."step_4_seconds" >= 14400.0
            )
            AND (
              "t41"."step_4_seconds" < 86400.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h5",
        SUM(
          CASE
            WHEN (
              "t41"."step_4_seconds" >= 86400.0
            )
            AND (
              "t41"."step_4_seconds" < 259200.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h6",
        SUM(
          CASE
            WHEN (
              "t41"."step_4_seconds" >= 259200.0
            )
            AND (
              "t41"."step_4_seconds" < 604800.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h7",
        SUM(
          CASE
            WHEN (
              "t41"."step_4_seconds" >= 604800.0
            )
            AND (
              "t41"."step_4_seconds" < 1209600.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h8",
        SUM(
          CASE
            WHEN (
              "t41"."step_4_seconds" >= 1209600.0
            )
            AND (
              "t41"."step_4_seconds" < 2592000.0
            )
            THEN 1
            ELSE 0
          END
        ) AS "_h9",
        SUM(CASE WHEN "t41"."step_4_seconds" >= 2592000.0 THEN 1 ELSE 0 END) AS "_h10"
      FROM "t40" AS "t41"
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
        2 AS "step",
        "t43"."_h0",
        "t43"."_h1",
        "t43"."_h2",
        "t43"."_h3",
        "t43"."_h4",
        "t43"."_h5",
        "t43"."_h6",
        "t43"."_h7",
        "t43"."_h8",
        "t43"."_h9",
        "t43"."_h10"
      FROM (
        SELECT
          SUM(
            CASE
              WHEN (
                "t41"."step_2_seconds" >= 0.0
              ) AND (
                "t41"."step_2_seconds" < 60.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h0",
          SUM(
            CASE
              WHEN (
                "t41"."step_2_seconds" >= 60.0
              ) AND (
                "t41"."step_2_seconds" < 300.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h1",
          SUM(
            CASE
              WHEN (
                "t41"."step_2_seconds" >= 300.0
              ) AND (
                "t41"."step_2_seconds" < 900.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h2",
          SUM(
            CASE
              WHEN (
                "t41"."step_2_seconds" >= 900.0
              ) AND (
                "t41"."step_2_seconds" < 3600.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h3",
          SUM(
            CASE
              WHEN (
                "t41"."step_2_seconds" >= 3600.0
              ) AND (
                "t41"."step_2_seconds" < 14400.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h4",
          SUM(
            CASE
              WHEN (
                "t41"."step_2_seconds" >= 14400.0
              )
              AND (
                "t41"."step_2_seconds" < 86400.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h5",
          SUM(
            CASE
              WHEN (
                "t41"."step_2_seconds" >= 86400.0
              )
              AND (
                "t41"."step_2_seconds" < 259200.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h6",
          SUM(
            CASE
              WHEN (
                "t41"."step_2_seconds" >= 259200.0
              )
              AND (
                "t41"."step_2_seconds" < 604800.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h7",
          SUM(
            CASE
              WHEN (
                "t41"."step_2_seconds" >= 604800.0
              )
              AND (
                "t41"."step_2_seconds" < 1209600.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h8",
          SUM(
            CASE
              WHEN (
                "t41"."step_2_seconds" >= 1209600.0
              )
              AND (
                "t41"."step_2_seconds" < 2592000.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h9",
          SUM(CASE WHEN "t41"."step_2_seconds" >= 2592000.0 THEN 1 ELSE 0 END) AS "_h10"
        FROM "t40" AS "t41"
      ) AS "t43"
    ) AS "t46"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        3 AS "step",
        "t44"."_h0",
        "t44"."_h1",
        "t44"."_h2",
        "t44"."_h3",
        "t44"."_h4",
        "t44"."_h5",
        "t44"."_h6",
        "t44"."_h7",
        "t44"."_h8",
        "t44"."_h9",
        "t44"."_h10"
      FROM (
        SELECT
          SUM(
            CASE
              WHEN (
                "t41"."step_3_seconds" >= 0.0
              ) AND (
                "t41"."step_3_seconds" < 60.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h0",
          SUM(
            CASE
              WHEN (
                "t41"."step_3_seconds" >= 60.0
              ) AND (
                "t41"."step_3_seconds" < 300.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h1",
          SUM(
            CASE
              WHEN (
                "t41"."step_3_seconds" >= 300.0
              ) AND (
                "t41"."step_3_seconds" < 900.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h2",
          SUM(
            CASE
              WHEN (
                "t41"."step_3_seconds" >= 900.0
              ) AND (
                "t41"."step_3_seconds" < 3600.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h3",
          SUM(
            CASE
              WHEN (
                "t41"."step_3_seconds" >= 3600.0
              ) AND (
                "t41"."step_3_seconds" < 14400.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h4",
          SUM(
            CASE
              WHEN (
                "t41"."step_3_seconds" >= 14400.0
              )
              AND (
                "t41"."step_3_seconds" < 86400.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h5",
          SUM(
            CASE
              WHEN (
                "t41"."step_3_seconds" >= 86400.0
              )
              AND (
                "t41"."step_3_seconds" < 259200.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h6",
          SUM(
            CASE
              WHEN (
                "t41"."step_3_seconds" >= 259200.0
              )
              AND (
                "t41"."step_3_seconds" < 604800.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h7",
          SUM(
            CASE
              WHEN (
                "t41"."step_3_seconds" >= 604800.0
              )
              AND (
                "t41"."step_3_seconds" < 1209600.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h8",
          SUM(
            CASE
              WHEN (
                "t41"."step_3_seconds" >= 1209600.0
              )
              AND (
                "t41"."step_3_seconds" < 2592000.0
              )
              THEN 1
              ELSE 0
            END
          ) AS "_h9",
          SUM(CASE WHEN "t41"."step_3_seconds" >= 2592000.0 THEN 1 ELSE 0 END) AS "_h10"
        FROM "t40" AS "t41"
      ) AS "t44"
    ) AS "t47"
  ) AS "t48"
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
          "t50"."step",
          '1-3d' AS "bin",
          86400.0 AS "from_seconds",
          259200.0 AS "to_seconds",
          COALESCE("t50"."_h6", 0) AS "count"
        FROM "t49" AS "t50"
      ) AS "t51"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t50"."step",
          '3-7d' AS "bin",
          259200.0 AS "from_seconds",
          604800.0 AS "to_seconds",
          COALESCE("t50"."_h7", 0) AS "count"
        FROM "t49" AS "t50"
      ) AS "t52"
    ) AS "t62"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t50"."step",
          '7-14d' AS "bin",
          604800.0 AS "from_seconds",
          1209600.0 AS "to_seconds",
          COALESCE("t50"."_h8", 0) AS "count"
        FROM "t49" AS "t50"
      ) AS "t53"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t50"."step",
          '14-30d' AS "bin",
          1209600.0 AS "from_seconds",
          2592000.0 AS "to_seconds",
          COALESCE("t50"."_h9", 0) AS "count"
        FROM "t49" AS "t50"
      ) AS "t54"
    ) AS "t63"
  ) AS "t67"
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
          "t50"."step",
          '>=30d' AS "bin",
          2592000.0 AS "from_seconds",
          CAST(NULL AS DOUBLE) AS "to_seconds",
          COALESCE("t50"."_h10", 0) AS "count"
        FROM "t49" AS "t50"
      ) AS "t55"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t50"."step",
            '<1m' AS "bin",
            0.0 AS "from_seconds",
            60.0 AS "to_seconds",
            COALESCE("t50"."_h0", 0) AS "count"
          FROM "t49" AS "t50"
        ) AS "t56"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t50"."step",
            '1-5m' AS "bin",
            60.0 AS "from_seconds",
            300.0 AS "to_seconds",
            COALESCE("t50"."_h1", 0) AS "count"
          FROM "t49" AS "t50"
        ) AS "t57"
      ) AS "t64"
    ) AS "t68"
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
            "t50"."step",
            '5-15m' AS "bin",
            300.0 AS "from_seconds",
            900.0 AS "to_seconds",
            COALESCE("t50"."_h2", 0) AS "count"
          FROM "t49" AS "t50"
        ) AS "t58"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t50"."step",
            '15-60m' AS "bin",
            900.0 AS "from_seconds",
            3600.0 AS "to_seconds",
            COALESCE("t50"."_h3", 0) AS "count"
          FROM "t49" AS "t50"
        ) AS "t59"
      ) AS "t65"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t50"."step",
            '1-4h' AS "bin",
            3600.0 AS "from_seconds",
            14400.0 AS "to_seconds",
            COALESCE("t50"."_h4", 0) AS "count"
          FROM "t49" AS "t50"
        ) AS "t60"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t50"."step",
            '4-24h' AS "bin",
            14400.0 AS "from_seconds",
            86400.0 AS "to_seconds",
            COALESCE("t50"."_h5", 0) AS "count"
          FROM "t49" AS "t50"
        ) AS "t61"
      ) AS "t66"
    ) AS "t69"
  ) AS "t70"
) AS "t71"
ORDER BY
  "t71"."step" ASC,
  "t71"."from_seconds" ASC
