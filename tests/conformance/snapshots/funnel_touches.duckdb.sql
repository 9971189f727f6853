WITH "t6" AS (
  SELECT
    "t5"."unit",
    "t5"."ts",
    "t5"."seq",
    "t5"."_f_entry",
    "t5"."_f_k",
    "t5"."_f_l",
    ROW_NUMBER() OVER (
      PARTITION BY "t5"."unit"
      ORDER BY "t5"."ts" ASC, "t5"."seq" ASC, "t5"."_f_l" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1 AS "_f_pos"
  FROM (
    SELECT
      "t4".*
      EXCLUDE ("_f_step", "label")
    FROM (
      SELECT
        "t3"."unit",
        "t3"."ts",
        "t3"."seq",
        "t3"."label",
        "t3"."_f_step",
        "t3"."_f_entry",
        CASE
          WHEN "t3"."_f_step" = 'product_view'
          THEN 0
          WHEN "t3"."_f_step" = 'add_to_cart'
          THEN 1
          WHEN "t3"."_f_step" = 'checkout_started'
          THEN 2
          WHEN "t3"."_f_step" = 'order_completed'
          THEN 3
          ELSE NULL
        END AS "_f_k",
        CASE
          WHEN "t3"."label" = 'add_to_cart'
          THEN 0
          WHEN "t3"."label" = 'checkout_started'
          THEN 1
          WHEN "t3"."label" = 'order_completed'
          THEN 2
          WHEN "t3"."label" = 'product_view'
          THEN 3
          ELSE NULL
        END AS "_f_l"
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
          AND "t0"."label" IN ('add_to_cart', 'checkout_started', 'order_completed', 'product_view')
          AND CASE
            WHEN "t0"."label" IN ('product_view', 'add_to_cart', 'checkout_started', 'order_completed')
            THEN "t0"."label"
            ELSE CAST(NULL AS TEXT)
          END IS NOT NULL
      ) AS "t3"
    ) AS "t4"
  ) AS "t5"
), "t19" AS (
  SELECT
    "t18"."unit",
    "t18"."_f_pos",
    MAX("t18"."_f_w") AS "_f_v",
    MAX("t18"."ts") AS "ts",
    MAX("t18"."_f_entry") AS "_f_entry"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t13"."unit",
        "t13"."ts",
        "t13"."_f_entry",
        "t13"."_f_pos",
        "t13"."_f_k",
        "t12"."_f_p",
        "t12"."_f_w"
      FROM (
        SELECT
          "t7"."unit",
          "t7"."ts",
          "t7"."_f_entry",
          "t7"."_f_pos",
          "t7"."_f_k"
        FROM "t6" AS "t7"
        WHERE
          "t7"."_f_k" = 1
      ) AS "t13"
      INNER JOIN (
        SELECT
          "t7"."unit",
          "t7"."_f_pos" AS "_f_p",
          "t7"."ts" AS "_f_w"
        FROM "t6" AS "t7"
        WHERE
          "t7"."_f_k" = 0 AND "t7"."_f_entry" = 0
      ) AS "t12"
        ON "t13"."unit" = "t12"."unit"
    ) AS "t17"
    WHERE
      "t17"."_f_p" < "t17"."_f_pos"
  ) AS "t18"
  GROUP BY
    1,
    2
), "t27" AS (
  SELECT
    "t26"."unit",
    "t26"."_f_pos",
    MAX("t26"."_f_w") AS "_f_v",
    MAX("t26"."ts") AS "ts",
    MAX("t26"."_f_entry") AS "_f_entry"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t14"."unit",
        "t14"."ts",
        "t14"."_f_entry",
        "t14"."_f_pos",
        "t14"."_f_k",
        "t23"."_f_p",
        "t23"."_f_w"
      FROM (
        SELECT
          "t7"."unit",
          "t7"."ts",
          "t7"."_f_entry",
          "t7"."_f_pos",
          "t7"."_f_k"
        FROM "t6" AS "t7"
        WHERE
          "t7"."_f_k" = 2
      ) AS "t14"
      INNER JOIN (
        SELECT
          "t20"."unit",
          "t20"."_f_pos" AS "_f_p",
          "t20"."_f_v" AS "_f_w"
        FROM "t19" AS "t20"
      ) AS "t23"
        ON "t14"."unit" = "t23"."unit"
    ) AS "t25"
    WHERE
      "t25"."_f_p" < "t25"."_f_pos"
  ) AS "t26"
  GROUP BY
    1,
    2
), "t38" AS (
  SELECT
    "t37"."unit",
    "t37"."ts",
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
          "t7"."unit",
          "t7"."ts",
          "t7"."_f_entry",
          CASE
            WHEN "t7"."_f_k" = 0
            THEN 'product_view'
            WHEN "t7"."_f_k" = 1
            THEN 'add_to_cart'
            WHEN "t7"."_f_k" = 2
            THEN 'checkout_started'
            WHEN "t7"."_f_k" = 3
            THEN 'order_completed'
            ELSE NULL
          END AS "_f_step",
          CASE
            WHEN (
              "t7"."_f_k" = 0
            ) AND (
              "t7"."_f_entry" = 0
            )
            THEN "t7"."ts"
            ELSE CAST(NULL AS TIMESTAMP)
          END AS "_f_a0",
          CAST(NULL AS TIMESTAMP) AS "_f_a1",
          CAST(NULL AS TIMESTAMP) AS "_f_a2",
          CAST(NULL AS TIMESTAMP) AS "_f_a3"
        FROM "t6" AS "t7"
        WHERE
          "t7"."_f_k" = 0 AND "t7"."_f_entry" = 0
      ) AS "t16"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t20"."unit",
          CAST("t20"."ts" AS TIMESTAMP) AS "ts",
          "t20"."_f_entry",
          'add_to_cart' AS "_f_step",
          CAST(NULL AS TIMESTAMP) AS "_f_a0",
          "t20"."_f_v" AS "_f_a1",
          CAST(NULL AS TIMESTAMP) AS "_f_a2",
          CAST(NULL AS TIMESTAMP) AS "_f_a3"
        FROM "t19" AS "t20"
      ) AS "t22"
    ) AS "t24"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t28"."unit",
          CAST("t28"."ts" AS TIMESTAMP) AS "ts",
          "t28"."_f_entry",
          'checkout_started' AS "_f_step",
          CAST(NULL AS TIMESTAMP) AS "_f_a0",
          CAST(NULL AS TIMESTAMP) AS "_f_a1",
          "t28"."_f_v" AS "_f_a2",
          CAST(NULL AS TIMESTAMP) AS "_f_a3"
        FROM "t27" AS "t28"
      ) AS "t30"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t34"."unit",
          CAST("t34"."ts" AS TIMESTAMP) AS "ts",
          "t34"."_f_entry",
          'order_completed' AS "_f_step",
          CAST(NULL AS TIMESTAMP) AS "_f_a0",
          CAST(NULL AS TIMESTAMP) AS "_f_a1",
          CAST(NULL AS TIMESTAMP) AS "_f_a2",
          "t34"."_f_v" AS "_f_a3"
        FROM (
          SELECT
            "t33"."unit",
            "t33"."_f_pos",
            MAX("t33"."_f_w") AS "_f_v",
            MAX("t33"."ts") AS "ts",
            MAX("t33"."_f_entry") AS "_f_entry"
          FROM (
            SELECT
              *
            FROM (
              SELECT
                "t15"."unit",
                "t15"."ts",
                "t15"."_f_entry",
                "t15"."_f_pos",
                "t15"."_f_k",
                "t31"."_f_p",
                "t31"."_f_w"
              FROM (
                SELECT
                  "t7"."unit",
                  "t7"."ts",
                  "t7"."_f_entry",
                  "t7"."_f_pos",
                  "t7"."_f_k"
                FROM "t6" AS "t7"
                WHERE
                  "t7"."_f_k" = 3
              ) AS "t15"
              INNER JOIN (
                SELECT
                  "t28"."unit",
                  "t28"."_f_pos" AS "_f_p",
                  "t28"."_f_v" AS "_f_w"
                FROM "t27" AS "t28"
              ) AS "t31"
                ON "t15"."unit" = "t31"."unit"
            ) AS "t32"
            WHERE
              "t32"."_f_p" < "t32"."_f_pos"
          ) AS "t33"
          GROUP BY
            1,
            2
        ) AS "t34"
      ) AS "t35"
    ) AS "t36"
  ) AS "t37"
), "t45" AS (
  SELECT
    "t44"."unit",
    MAX("t44"."_f_entry") AS "_f_entry",
    MAX("t44"."_f_t0") AS "_f_t0",
    MAX(
      CASE
        WHEN "t44"."_f_v0" AND (
          "t44"."ts" = "t44"."_f_t0"
        )
        THEN "t44"."_f_a0"
        ELSE CAST(NULL AS TIMESTAMP)
      END
    ) AS "_f_s0",
    MAX("t44"."_f_t1") AS "_f_t1",
    MAX(
      CASE
        WHEN "t44"."_f_v1" AND (
          "t44"."ts" = "t44"."_f_t1"
        )
        THEN "t44"."_f_a1"
        ELSE CAST(NULL AS TIMESTAMP)
      END
    ) AS "_f_s1",
    MAX("t44"."_f_t2") AS "_f_t2",
    MAX(
      CASE
        WHEN "t44"."_f_v2" AND (
          "t44"."ts" = "t44"."_f_t2"
        )
        THEN "t44"."_f_a2"
        ELSE CAST(NULL AS TIMESTAMP)
      END
    ) AS "_f_s2",
    MAX("t44"."_f_t3") AS "_f_t3",
    MAX(
      CASE
        WHEN "t44"."_f_v3" AND (
          "t44"."ts" = "t44"."_f_t3"
        )
        THEN "t44"."_f_a3"
        ELSE CAST(NULL AS TIMESTAMP)
      END
    ) AS "_f_s3"
  FROM (
    SELECT
      "t43".*
      EXCLUDE ("_f_unit")
    FROM (
      SELECT
        "t40"."unit",
        "t40"."ts",
        "t40"."_f_entry",
        "t40"."_f_step",
        "t40"."_f_a0",
        "t40"."_f_a1",
        "t40"."_f_a2",
        "t40"."_f_a3",
        "t40"."_f_v0",
        "t40"."_f_v1",
        "t40"."_f_v2",
        "t40"."_f_v3",
        "t42"."_f_unit",
        "t42"."_f_t0",
        "t42"."_f_t1",
        "t42"."_f_t2",
        "t42"."_f_t3"
      FROM "t38" AS "t40"
      INNER JOIN (
        SELECT
          "t39"."unit" AS "_f_unit",
          MIN(CASE WHEN "t39"."_f_v0" THEN "t39"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t0",
          MIN(CASE WHEN "t39"."_f_v1" THEN "t39"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t1",
          MIN(CASE WHEN "t39"."_f_v2" THEN "t39"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t2",
          MIN(CASE WHEN "t39"."_f_v3" THEN "t39"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t3"
        FROM "t38" AS "t39"
        GROUP BY
          1
      ) AS "t42"
        ON "t40"."unit" = "t42"."_f_unit"
    ) AS "t43"
  ) AS "t44"
  GROUP BY
    1
)
SELECT
  "t50"."unit",
  "t50"."entry",
  "t50"."reached",
  "t50"."step_1_ts",
  "t50"."step_2_ts",
  "t50"."step_3_ts",
  "t50"."step_4_ts",
  "t50"."step_1_seconds",
  "t50"."step_2_seconds",
  "t50"."step_3_seconds",
  "t50"."step_4_seconds",
  CASE WHEN COALESCE("t54"."_t_hit", 0) = 1 THEN "t54"."_t_first" ELSE '(none)' END AS "first_touch",
  CASE
    WHEN (
      COALESCE("t54"."_t_hit", 0) = 1
    )
    AND (
      COALESCE("t54"."_t_has_last", 1) = 0
    )
    THEN "t54"."_t_last"
    ELSE '(none)'
  END AS "last_touch"
FROM (
  SELECT
    "t46"."unit",
    "t46"."_f_entry" + 1 AS "entry",
    CASE
      WHEN "t46"."_f_t3" IS NOT NULL
      THEN 4
      WHEN "t46"."_f_t2" IS NOT NULL
      THEN 3
      WHEN "t46"."_f_t1" IS NOT NULL
      THEN 2
      WHEN "t46"."_f_t0" IS NOT NULL
      THEN 1
      ELSE CAST(NULL AS BIGINT)
    END AS "reached",
    "t46"."_f_t0" AS "step_1_ts",
    "t46"."_f_t1" AS "step_2_ts",
    "t46"."_f_t2" AS "step_3_ts",
    "t46"."_f_t3" AS "step_4_ts",
    CASE
      WHEN "t46"."_f_entry" < 0
      THEN CAST(DATE_DIFF('MICROSECOND', "t46"."_f_s0", "t46"."_f_t0") AS DOUBLE) / 1000000
      ELSE CAST(NULL AS DOUBLE)
    END AS "step_1_seconds",
    CASE
      WHEN "t46"."_f_entry" < 1
      THEN CAST(DATE_DIFF('MICROSECOND', "t46"."_f_s1", "t46"."_f_t1") AS DOUBLE) / 1000000
      ELSE CAST(NULL AS DOUBLE)
    END AS "step_2_seconds",
    CASE
      WHEN "t46"."_f_entry" < 2
      THEN CAST(DATE_DIFF('MICROSECOND', "t46"."_f_s2", "t46"."_f_t2") AS DOUBLE) / 1000000
      ELSE CAST(NULL AS DOUBLE)
    END AS "step_3_seconds",
    CASE
      WHEN "t46"."_f_entry" < 3
      THEN CAST(DATE_DIFF('MICROSECOND', "t46"."_f_s3", "t46"."_f_t3") AS DOUBLE) / 1000000
      ELSE CAST(NULL AS DOUBLE)
    END AS "step_4_seconds"
  FROM "t45" AS "t46"
  WHERE
    "t46"."_f_t0" IS NOT NULL
) AS "t50"
LEFT OUTER JOIN (
  SELECT
    "t52"."unit" AS "_t_unit",
    MAX(CASE WHEN "t52"."_t_first" = 0 THEN "t52"."channel" ELSE CAST(NULL AS TEXT) END) AS "_t_first",
    MAX(
      CASE
        WHEN (
          "t52"."_t_last" = 0
        ) AND (
          "t52"."_t_in" = 0
        )
        THEN "t52"."channel"
        ELSE CAST(NULL AS TEXT)
      END
    ) AS "_t_last",
    MIN("t52"."_t_in") AS "_t_has_last",
    MAX((
      "t52"."seq" * 0
    ) + 1) AS "_t_hit"
  FROM (
    SELECT
      "t51"."unit",
      "t51"."ts",
      "t51"."seq",
      "t51"."label",
      "t51"."channel",
      "t51"."_t_unit",
      "t51"."_t_cut",
      CASE WHEN "t51"."ts" <= "t51"."_t_cut" THEN 0 ELSE 1 END AS "_t_in",
      ROW_NUMBER() OVER (
        PARTITION BY "t51"."unit"
        ORDER BY "t51"."ts" ASC, "t51"."seq" ASC, CASE WHEN "t51"."label" IS NULL THEN 1 ELSE 0 END ASC, "t51"."label" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1 AS "_t_first",
      ROW_NUMBER() OVER (
        PARTITION BY "t51"."unit"
        ORDER BY CASE WHEN "t51"."ts" <= "t51"."_t_cut" THEN 0 ELSE 1 END ASC, "t51"."ts" DESC, "t51"."seq" DESC, CASE WHEN "t51"."label" IS NULL THEN 1 ELSE 0 END DESC, "t51"."label" DESC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1 AS "_t_last"
    FROM (
      SELECT
        "t2"."unit",
        "t2"."ts",
        "t2"."seq",
        "t2"."label",
        "t2"."channel",
        "t49"."_t_unit",
        "t49"."_t_cut"
      FROM (
        SELECT
          "t0"."unit",
          "t0"."ts",
          "t0"."seq",
          "t0"."label",
          "t0"."channel"
        FROM "journey_events" AS "t0"
        WHERE
          "t0"."unit" IS NOT NULL AND "t0"."channel" IS NOT NULL
      ) AS "t2"
      INNER JOIN (
        SELECT
          "t46"."unit" AS "_t_unit",
          CASE
            WHEN CASE
              WHEN "t46"."_f_t3" IS NOT NULL
              THEN 4
              WHEN "t46"."_f_t2" IS NOT NULL
              THEN 3
              WHEN "t46"."_f_t1" IS NOT NULL
              THEN 2
              WHEN "t46"."_f_t0" IS NOT NULL
              THEN 1
              ELSE CAST(NULL AS BIGINT)
            END = 1
            THEN "t46"."_f_t0"
            WHEN CASE
              WHEN "t46"."_f_t3" IS NOT NULL
              THEN 4
              WHEN "t46"."_f_t2" IS NOT NULL
              THEN 3
              WHEN "t46"."_f_t1" IS NOT NULL
              THEN 2
              WHEN "t46"."_f_t0" IS NOT NULL
              THEN 1
              ELSE CAST(NULL AS BIGINT)
            END = 2
            THEN "t46"."_f_t1"
            WHEN CASE
              WHEN "t46"."_f_t3" IS NOT NULL
              THEN 4
              WHEN "t46"."_f_t2" IS NOT NULL
              THEN 3
              WHEN "t46"."_f_t1" IS NOT NULL
              THEN 2
              WHEN "t46"."_f_t0" IS NOT NULL
              THEN 1
              ELSE CAST(NULL AS BIGINT)
            END = 3
            THEN "t46"."_f_t2"
            WHEN CASE
              WHEN "t46"."_f_t3" IS NOT NULL
              THEN 4
              WHEN "t46"."_f_t2" IS NOT NULL
              THEN 3
              WHEN "t46"."_f_t1" IS NOT NULL
              THEN 2
              WHEN "t46"."_f_t0" IS NOT NULL
              THEN 1
              ELSE CAST(NULL AS BIGINT)
            END = 4
            THEN "t46"."_f_t3"
            ELSE NULL
          END AS "_t_cut"
        FROM "t45" AS "t46"
        WHERE
          "t46"."_f_t0" IS NOT NULL
      ) AS "t49"
        ON "t2"."unit" = "t49"."_t_unit"
    ) AS "t51"
  ) AS "t52"
  GROUP BY
    1
) AS "t54"
  ON "t50"."unit" = "t54"."_t_unit"
