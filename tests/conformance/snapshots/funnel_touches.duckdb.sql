WITH "t4" AS (
  SELECT
    "t2"."unit",
    "t2"."ts",
    "t2"."_f_entry",
    "t2"."_f_k",
    ROW_NUMBER() OVER (
      PARTITION BY "t2"."unit"
      ORDER BY "t2"."ts" ASC, "t2"."seq" ASC, "t2"."label" ASC
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
  ) AS "t2"
), "t19" AS (
  SELECT
    "t18"."unit",
    "t18"."_f_v",
    MIN("t18"."_f_pos") AS "_f_pos",
    MIN("t18"."ts") AS "ts",
    MIN("t18"."_f_entry") AS "_f_entry"
  FROM (
    SELECT
      "t17"."unit",
      "t17"."_f_pos",
      MAX("t17"."_f_w") AS "_f_v",
      MAX("t17"."ts") AS "ts",
      MAX("t17"."_f_entry") AS "_f_entry"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t10"."unit",
          "t10"."ts",
          "t10"."_f_entry",
          "t10"."_f_k",
          "t10"."_f_pos",
          "t15"."_f_w",
          "t15"."_f_p"
        FROM (
          SELECT
            *
          FROM "t4" AS "t5"
          WHERE
            "t5"."_f_k" = 1
        ) AS "t10"
        INNER JOIN (
          SELECT
            "t6"."unit",
            "t6"."_f_v" AS "_f_w",
            MIN("t6"."_f_pos") AS "_f_p"
          FROM (
            SELECT
              "t5"."unit",
              "t5"."_f_pos",
              "t5"."ts" AS "_f_v"
            FROM "t4" AS "t5"
            WHERE
              "t5"."_f_k" = 0 AND "t5"."_f_entry" = 0
          ) AS "t6"
          GROUP BY
            1,
            2
        ) AS "t15"
          ON "t10"."unit" = "t15"."unit"
      ) AS "t16"
      WHERE
        "t16"."_f_p" < "t16"."_f_pos"
    ) AS "t17"
    GROUP BY
      1,
      2
  ) AS "t18"
  GROUP BY
    1,
    2
), "t29" AS (
  SELECT
    "t28"."unit",
    "t28"."_f_v",
    MIN("t28"."_f_pos") AS "_f_pos",
    MIN("t28"."ts") AS "ts",
    MIN("t28"."_f_entry") AS "_f_entry"
  FROM (
    SELECT
      "t27"."unit",
      "t27"."_f_pos",
      MAX("t27"."_f_w") AS "_f_v",
      MAX("t27"."ts") AS "ts",
      MAX("t27"."_f_entry") AS "_f_entry"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t11"."unit",
          "t11"."ts",
          "t11"."_f_entry",
          "t11"."_f_k",
          "t11"."_f_pos",
          "t25"."_f_w",
          "t25"."_f_p"
        FROM (
          SELECT
            *
          FROM "t4" AS "t5"
          WHERE
            "t5"."_f_k" = 2
        ) AS "t11"
        INNER JOIN (
          SELECT
            "t21"."unit",
            "t21"."_f_v" AS "_f_w",
            MIN("t21"."_f_pos") AS "_f_p"
          FROM (
            SELECT
              "t20"."unit",
              "t20"."_f_pos",
              "t20"."_f_v"
            FROM "t19" AS "t20"
          ) AS "t21"
          GROUP BY
            1,
            2
        ) AS "t25"
          ON "t11"."unit" = "t25"."unit"
      ) AS "t26"
      WHERE
        "t26"."_f_p" < "t26"."_f_pos"
    ) AS "t27"
    GROUP BY
      1,
      2
  ) AS "t28"
  GROUP BY
    1,
    2
), "t42" AS (
  SELECT
    "t41"."unit",
    "t41"."ts",
    "t41"."_f_entry",
    "t41"."_f_step",
    "t41"."_f_a0",
    "t41"."_f_a1",
    "t41"."_f_a2",
    "t41"."_f_a3",
    (
      "t41"."_f_a0" IS NOT NULL
    )
    AND (
      DATE_DIFF('MICROSECOND', "t41"."_f_a0", "t41"."ts") <= 86400000000
    ) AS "_f_v0",
    (
      "t41"."_f_a1" IS NOT NULL
    )
    AND (
      DATE_DIFF('MICROSECOND', "t41"."_f_a1", "t41"."ts") <= 86400000000
    ) AS "_f_v1",
    (
      "t41"."_f_a2" IS NOT NULL
    )
    AND (
      DATE_DIFF('MICROSECOND', "t41"."_f_a2", "t41"."ts") <= 86400000000
    ) AS "_f_v2",
    (
      "t41"."_f_a3" IS NOT NULL
    )
    AND (
      DATE_DIFF('MICROSECOND', "t41"."_f_a3", "t41"."ts") <= 86400000000
    ) AS "_f_v3"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t5"."unit",
          "t5"."ts",
          "t5"."_f_entry",
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
            ELSE CAST(NULL AS TIMESTAMP)
          END AS "_f_a0",
          CAST(NULL AS TIMESTAMP) AS "_f_a1",
          CAST(NULL AS TIMESTAMP) AS "_f_a2",
          CAST(NULL AS TIMESTAMP) AS "_f_a3"
        FROM "t4" AS "t5"
        WHERE
          "t5"."_f_k" = 0 AND "t5"."_f_entry" = 0
      ) AS "t13"
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
    ) AS "t23"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t30"."unit",
          CAST("t30"."ts" AS TIMESTAMP) AS "ts",
          "t30"."_f_entry",
          'checkout_started' AS "_f_step",
          CAST(NULL AS TIMESTAMP) AS "_f_a0",
          CAST(NULL AS TIMESTAMP) AS "_f_a1",
          "t30"."_f_v" AS "_f_a2",
          CAST(NULL AS TIMESTAMP) AS "_f_a3"
        FROM "t29" AS "t30"
      ) AS "t32"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t38"."unit",
          CAST("t38"."ts" AS TIMESTAMP) AS "ts",
          "t38"."_f_entry",
          'order_completed' AS "_f_step",
          CAST(NULL AS TIMESTAMP) AS "_f_a0",
          CAST(NULL AS TIMESTAMP) AS "_f_a1",
          CAST(NULL AS TIMESTAMP) AS "_f_a2",
          "t38"."_f_v" AS "_f_a3"
        FROM (
          SELECT
            "t37"."unit",
            "t37"."_f_v",
            MIN("t37"."_f_pos") AS "_f_pos",
            MIN("t37"."ts") AS "ts",
            MIN("t37"."_f_entry") AS "_f_entry"
          FROM (
            SELECT
              "t36"."unit",
              "t36"."_f_pos",
              MAX("t36"."_f_w") AS "_f_v",
              MAX("t36"."ts") AS "ts",
              MAX("t36"."_f_entry") AS "_f_entry"
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t12"."unit",
                  "t12"."ts",
                  "t12"."_f_entry",
                  "t12"."_f_k",
                  "t12"."_f_pos",
                  "t34"."_f_w",
                  "t34"."_f_p"
                FROM (
                  SELECT
                    *
                  FROM "t4" AS "t5"
                  WHERE
                    "t5"."_f_k" = 3
                ) AS "t12"
                INNER JOIN (
                  SELECT
                    "t31"."unit",
                    "t31"."_f_v" AS "_f_w",
                    MIN("t31"."_f_pos") AS "_f_p"
                  FROM (
                    SELECT
                      "t30"."unit",
                      "t30"."_f_pos",
                      "t30"."_f_v"
                    FROM "t29" AS "t30"
                  ) AS "t31"
                  GROUP BY
                    1,
                    2
                ) AS "t34"
                  ON "t12"."unit" = "t34"."unit"
              ) AS "t35"
              WHERE
                "t35"."_f_p" < "t35"."_f_pos"
            ) AS "t36"
            GROUP BY
              1,
              2
          ) AS "t37"
          GROUP BY
            1,
            2
        ) AS "t38"
      ) AS "t39"
    ) AS "t40"
  ) AS "t41"
), "t49" AS (
  SELECT
    "t48"."unit",
    MAX("t48"."_f_entry") AS "_f_entry",
    MAX("t48"."_f_t0") AS "_f_t0",
    MAX(
      CASE
        WHEN "t48"."_f_v0" AND (
          "t48"."ts" = "t48"."_f_t0"
        )
        THEN "t48"."_f_a0"
        ELSE CAST(NULL AS TIMESTAMP)
      END
    ) AS "_f_s0",
    MAX("t48"."_f_t1") AS "_f_t1",
    MAX(
      CASE
        WHEN "t48"."_f_v1" AND (
          "t48"."ts" = "t48"."_f_t1"
        )
        THEN "t48"."_f_a1"
        ELSE CAST(NULL AS TIMESTAMP)
      END
    ) AS "_f_s1",
    MAX("t48"."_f_t2") AS "_f_t2",
    MAX(
      CASE
        WHEN "t48"."_f_v2" AND (
          "t48"."ts" = "t48"."_f_t2"
        )
        THEN "t48"."_f_a2"
        ELSE CAST(NULL AS TIMESTAMP)
      END
    ) AS "_f_s2",
    MAX("t48"."_f_t3") AS "_f_t3",
    MAX(
      CASE
        WHEN "t48"."_f_v3" AND (
          "t48"."ts" = "t48"."_f_t3"
        )
        THEN "t48"."_f_a3"
        ELSE CAST(NULL AS TIMESTAMP)
      END
    ) AS "_f_s3"
  FROM (
    SELECT
      "t47".*
      EXCLUDE ("_f_unit")
    FROM (
      SELECT
        "t44"."unit",
        "t44"."ts",
        "t44"."_f_entry",
        "t44"."_f_step",
        "t44"."_f_a0",
        "t44"."_f_a1",
        "t44"."_f_a2",
        "t44"."_f_a3",
        "t44"."_f_v0",
        "t44"."_f_v1",
        "t44"."_f_v2",
        "t44"."_f_v3",
        "t46"."_f_unit",
        "t46"."_f_t0",
        "t46"."_f_t1",
        "t46"."_f_t2",
        "t46"."_f_t3"
      FROM "t42" AS "t44"
      INNER JOIN (
        SELECT
          "t43"."unit" AS "_f_unit",
          MIN(CASE WHEN "t43"."_f_v0" THEN "t43"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t0",
          MIN(CASE WHEN "t43"."_f_v1" THEN "t43"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t1",
          MIN(CASE WHEN "t43"."_f_v2" THEN "t43"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t2",
          MIN(CASE WHEN "t43"."_f_v3" THEN "t43"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t3"
        FROM "t42" AS "t43"
        GROUP BY
          1
      ) AS "t46"
        ON "t44"."unit" = "t46"."_f_unit"
    ) AS "t47"
  ) AS "t48"
  GROUP BY
    1
)
SELECT
  "t54"."unit",
  "t54"."entry",
  "t54"."reached",
  "t54"."step_1_ts",
  "t54"."step_2_ts",
  "t54"."step_3_ts",
  "t54"."step_4_ts",
  "t54"."step_1_seconds",
  "t54"."step_2_seconds",
  "t54"."step_3_seconds",
  "t54"."step_4_seconds",
  CASE WHEN COALESCE("t58"."_t_hit", 0) = 1 THEN "t58"."_t_first" ELSE '(none)' END AS "first_touch",
  CASE
    WHEN (
      COALESCE("t58"."_t_hit", 0) = 1
    )
    AND (
      COALESCE("t58"."_t_has_last", 1) = 0
    )
    THEN "t58"."_t_last"
    ELSE '(none)'
  END AS "last_touch"
FROM (
  SELECT
    "t50"."unit",
    "t50"."_f_entry" + 1 AS "entry",
    CASE
      WHEN "t50"."_f_t3" IS NOT NULL
      THEN 4
      WHEN "t50"."_f_t2" IS NOT NULL
      THEN 3
      WHEN "t50"."_f_t1" IS NOT NULL
      THEN 2
      WHEN "t50"."_f_t0" IS NOT NULL
      THEN 1
      ELSE CAST(NULL AS BIGINT)
    END AS "reached",
    "t50"."_f_t0" AS "step_1_ts",
    "t50"."_f_t1" AS "step_2_ts",
    "t50"."_f_t2" AS "step_3_ts",
    "t50"."_f_t3" AS "step_4_ts",
    CASE
      WHEN "t50"."_f_entry" < 0
      THEN CAST(DATE_DIFF('MICROSECOND', "t50"."_f_s0", "t50"."_f_t0") AS DOUBLE) / 1000000
      ELSE CAST(NULL AS DOUBLE)
    END AS "step_1_seconds",
    CASE
      WHEN "t50"."_f_entry" < 1
      THEN CAST(DATE_DIFF('MICROSECOND', "t50"."_f_s1", "t50"."_f_t1") AS DOUBLE) / 1000000
      ELSE CAST(NULL AS DOUBLE)
    END AS "step_2_seconds",
    CASE
      WHEN "t50"."_f_entry" < 2
      THEN CAST(DATE_DIFF('MICROSECOND', "t50"."_f_s2", "t50"."_f_t2") AS DOUBLE) / 1000000
      ELSE CAST(NULL AS DOUBLE)
    END AS "step_3_seconds",
    CASE
      WHEN "t50"."_f_entry" < 3
      THEN CAST(DATE_DIFF('MICROSECOND', "t50"."_f_s3", "t50"."_f_t3") AS DOUBLE) / 1000000
      ELSE CAST(NULL AS DOUBLE)
    END AS "step_4_seconds"
  FROM "t49" AS "t50"
  WHERE
    "t50"."_f_t0" IS NOT NULL
) AS "t54"
LEFT OUTER JOIN (
  SELECT
    "t56"."unit" AS "_t_unit",
    MAX(CASE WHEN "t56"."_t_first" = 0 THEN "t56"."channel" ELSE CAST(NULL AS TEXT) END) AS "_t_first",
    MAX(
      CASE
        WHEN (
          "t56"."_t_last" = 0
        ) AND (
          "t56"."_t_in" = 0
        )
        THEN "t56"."channel"
        ELSE CAST(NULL AS TEXT)
      END
    ) AS "_t_last",
    MIN("t56"."_t_in") AS "_t_has_last",
    MAX((
      "t56"."seq" * 0
    ) + 1) AS "_t_hit"
  FROM (
    SELECT
      "t55"."unit",
      "t55"."ts",
      "t55"."seq",
      "t55"."label",
      "t55"."channel",
      "t55"."_t_unit",
      "t55"."_t_cut",
      CASE WHEN "t55"."ts" <= "t55"."_t_cut" THEN 0 ELSE 1 END AS "_t_in",
      ROW_NUMBER() OVER (
        PARTITION BY "t55"."unit"
        ORDER BY "t55"."ts" ASC, "t55"."seq" ASC, CASE WHEN "t55"."label" IS NULL THEN 1 ELSE 0 END ASC, "t55"."label" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1 AS "_t_first",
      ROW_NUMBER() OVER (
        PARTITION BY "t55"."unit"
        ORDER BY CASE WHEN "t55"."ts" <= "t55"."_t_cut" THEN 0 ELSE 1 END ASC, "t55"."ts" DESC, "t55"."seq" DESC, CASE WHEN "t55"."label" IS NULL THEN 1 ELSE 0 END DESC, "t55"."label" DESC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1 AS "_t_last"
    FROM (
      SELECT
        "t3"."unit",
        "t3"."ts",
        "t3"."seq",
        "t3"."label",
        "t3"."channel",
        "t53"."_t_unit",
        "t53"."_t_cut"
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
      ) AS "t3"
      INNER JOIN (
        SELECT
          "t50"."unit" AS "_t_unit",
          CASE
            WHEN CASE
              WHEN "t50"."_f_t3" IS NOT NULL
              THEN 4
              WHEN "t50"."_f_t2" IS NOT NULL
              THEN 3
              WHEN "t50"."_f_t1" IS NOT NULL
              THEN 2
              WHEN "t50"."_f_t0" IS NOT NULL
              THEN 1
              ELSE CAST(NULL AS BIGINT)
            END = 1
            THEN "t50"."_f_t0"
            WHEN CASE
              WHEN "t50"."_f_t3" IS NOT NULL
              THEN 4
              WHEN "t50"."_f_t2" IS NOT NULL
              THEN 3
              WHEN "t50"."_f_t1" IS NOT NULL
              THEN 2
              WHEN "t50"."_f_t0" IS NOT NULL
              THEN 1
              ELSE CAST(NULL AS BIGINT)
            END = 2
            THEN "t50"."_f_t1"
            WHEN CASE
              WHEN "t50"."_f_t3" IS NOT NULL
              THEN 4
              WHEN "t50"."_f_t2" IS NOT NULL
              THEN 3
              WHEN "t50"."_f_t1" IS NOT NULL
              THEN 2
              WHEN "t50"."_f_t0" IS NOT NULL
              THEN 1
              ELSE CAST(NULL AS BIGINT)
            END = 3
            THEN "t50"."_f_t2"
            WHEN CASE
              WHEN "t50"."_f_t3" IS NOT NULL
              THEN 4
              WHEN "t50"."_f_t2" IS NOT NULL
              THEN 3
              WHEN "t50"."_f_t1" IS NOT NULL
              THEN 2
              WHEN "t50"."_f_t0" IS NOT NULL
              THEN 1
              ELSE CAST(NULL AS BIGINT)
            END = 4
            THEN "t50"."_f_t3"
            ELSE NULL
          END AS "_t_cut"
        FROM "t49" AS "t50"
        WHERE
          "t50"."_f_t0" IS NOT NULL
      ) AS "t53"
        ON "t3"."unit" = "t53"."_t_unit"
    ) AS "t55"
  ) AS "t56"
  GROUP BY
    1
) AS "t58"
  ON "t54"."unit" = "t58"."_t_unit"
