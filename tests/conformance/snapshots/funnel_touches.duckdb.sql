WITH "t4" AS (
  SELECT
    "t2"."unit",
    "t2"."ts",
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
    MIN("t18"."ts") AS "ts"
  FROM (
    SELECT
      "t17"."unit",
      "t17"."_f_pos",
      MAX("t17"."_f_w") AS "_f_v",
      MAX("t17"."ts") AS "ts"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t10"."unit",
          "t10"."ts",
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
              "t5"."_f_k" = 0
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
), "t28" AS (
  SELECT
    "t27"."unit",
    "t27"."_f_v",
    MIN("t27"."_f_pos") AS "_f_pos",
    MIN("t27"."ts") AS "ts"
  FROM (
    SELECT
      "t26"."unit",
      "t26"."_f_pos",
      MAX("t26"."_f_w") AS "_f_v",
      MAX("t26"."ts") AS "ts"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t11"."unit",
          "t11"."ts",
          "t11"."_f_k",
          "t11"."_f_pos",
          "t22"."_f_w",
          "t22"."_f_p"
        FROM (
          SELECT
            *
          FROM "t4" AS "t5"
          WHERE
            "t5"."_f_k" = 2
        ) AS "t11"
        INNER JOIN (
          SELECT
            "t20"."unit",
            "t20"."_f_v" AS "_f_w",
            "t20"."_f_pos" AS "_f_p"
          FROM "t19" AS "t20"
        ) AS "t22"
          ON "t11"."unit" = "t22"."unit"
      ) AS "t25"
      WHERE
        "t25"."_f_p" < "t25"."_f_pos"
    ) AS "t26"
    GROUP BY
      1,
      2
  ) AS "t27"
  GROUP BY
    1,
    2
), "t41" AS (
  SELECT
    "t40"."unit",
    MAX("t40"."_f_entry") AS "_f_entry",
    MIN(CASE WHEN "t40"."_f_v0" THEN "t40"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t0",
    MIN("t40"."_f_a0") FILTER(WHERE
      "t40"."_f_v0") AS "_f_s0",
    MIN(CASE WHEN "t40"."_f_v1" THEN "t40"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t1",
    MIN("t40"."_f_a1") FILTER(WHERE
      "t40"."_f_v1") AS "_f_s1",
    MIN(CASE WHEN "t40"."_f_v2" THEN "t40"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t2",
    MIN("t40"."_f_a2") FILTER(WHERE
      "t40"."_f_v2") AS "_f_s2",
    MIN(CASE WHEN "t40"."_f_v3" THEN "t40"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t3",
    MIN("t40"."_f_a3") FILTER(WHERE
      "t40"."_f_v3") AS "_f_s3"
  FROM (
    SELECT
      "t39"."unit",
      "t39"."ts",
      "t39"."_f_pos",
      "t39"."_f_entry",
      "t39"."_f_step",
      "t39"."_f_a0",
      "t39"."_f_a1",
      "t39"."_f_a2",
      "t39"."_f_a3",
      (
        "t39"."_f_a0" IS NOT NULL
      )
      AND (
        DATE_DIFF('MICROSECOND', "t39"."_f_a0", "t39"."ts") <= 86400000000
      ) AS "_f_v0",
      (
        "t39"."_f_a1" IS NOT NULL
      )
      AND (
        DATE_DIFF('MICROSECOND', "t39"."_f_a1", "t39"."ts") <= 86400000000
      ) AS "_f_v1",
      (
        "t39"."_f_a2" IS NOT NULL
      )
      AND (
        DATE_DIFF('MICROSECOND', "t39"."_f_a2", "t39"."ts") <= 86400000000
      ) AS "_f_v2",
      (
        "t39"."_f_a3" IS NOT NULL
      )
      AND (
        DATE_DIFF('MICROSECOND', "t39"."_f_a3", "t39"."ts") <= 86400000000
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
            "t5"."_f_pos",
            0 AS "_f_entry",
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
            CASE WHEN "t5"."_f_k" = 0 THEN "t5"."ts" ELSE CAST(NULL AS TIMESTAMP) END AS "_f_a0",
            CAST(NULL AS TIMESTAMP) AS "_f_a1",
            CAST(NULL AS TIMESTAMP) AS "_f_a2",
            CAST(NULL AS TIMESTAMP) AS "_f_a3"
          FROM "t4" AS "t5"
          WHERE
            "t5"."_f_k" = 0
        ) AS "t12"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t20"."unit",
            CAST("t20"."ts" AS TIMESTAMP) AS "ts",
            "t20"."_f_pos",
            0 AS "_f_entry",
            'add_to_cart' AS "_f_step",
            CAST(NULL AS TIMESTAMP) AS "_f_a0",
            "t20"."_f_v" AS "_f_a1",
            CAST(NULL AS TIMESTAMP) AS "_f_a2",
            CAST(NULL AS TIMESTAMP) AS "_f_a3"
          FROM "t19" AS "t20"
        ) AS "t23"
      ) AS "t24"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t29"."unit",
            CAST("t29"."ts" AS TIMESTAMP) AS "ts",
            "t29"."_f_pos",
            0 AS "_f_entry",
            'checkout_started' AS "_f_step",
            CAST(NULL AS TIMESTAMP) AS "_f_a0",
            CAST(NULL AS TIMESTAMP) AS "_f_a1",
            "t29"."_f_v" AS "_f_a2",
            CAST(NULL AS TIMESTAMP) AS "_f_a3"
          FROM "t28" AS "t29"
        ) AS "t32"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t36"."unit",
            CAST("t36"."ts" AS TIMESTAMP) AS "ts",
            "t36"."_f_pos",
            0 AS "_f_entry",
            'order_completed' AS "_f_step",
            CAST(NULL AS TIMESTAMP) AS "_f_a0",
            CAST(NULL AS TIMESTAMP) AS "_f_a1",
            CAST(NULL AS TIMESTAMP) AS "_f_a2",
            "t36"."_f_v" AS "_f_a3"
          FROM (
            SELECT
              "t35"."unit",
              "t35"."_f_v",
              MIN("t35"."_f_pos") AS "_f_pos",
              MIN("t35"."ts") AS "ts"
            FROM (
              SELECT
                "t34"."unit",
                "t34"."_f_pos",
                MAX("t34"."_f_w") AS "_f_v",
                MAX("t34"."ts") AS "ts"
              FROM (
                SELECT
                  *
                FROM (
                  SELECT
                    "t13"."unit",
                    "t13"."ts",
                    "t13"."_f_k",
                    "t13"."_f_pos",
                    "t31"."_f_w",
                    "t31"."_f_p"
                  FROM (
                    SELECT
                      *
                    FROM "t4" AS "t5"
                    WHERE
                      "t5"."_f_k" = 3
                  ) AS "t13"
                  INNER JOIN (
                    SELECT
                      "t29"."unit",
                      "t29"."_f_v" AS "_f_w",
                      "t29"."_f_pos" AS "_f_p"
                    FROM "t28" AS "t29"
                  ) AS "t31"
                    ON "t13"."unit" = "t31"."unit"
                ) AS "t33"
                WHERE
                  "t33"."_f_p" < "t33"."_f_pos"
              ) AS "t34"
              GROUP BY
                1,
                2
            ) AS "t35"
            GROUP BY
              1,
              2
          ) AS "t36"
        ) AS "t37"
      ) AS "t38"
    ) AS "t39"
  ) AS "t40"
  GROUP BY
    1
)
SELECT
  "t46"."unit",
  "t46"."entry",
  "t46"."reached",
  "t46"."step_1_ts",
  "t46"."step_2_ts",
  "t46"."step_3_ts",
  "t46"."step_4_ts",
  "t46"."step_1_seconds",
  "t46"."step_2_seconds",
  "t46"."step_3_seconds",
  "t46"."step_4_seconds",
  CASE WHEN COALESCE("t50"."_t_hit", 0) = 1 THEN "t50"."_t_first" ELSE '(none)' END AS "first_touch",
  CASE
    WHEN (
      COALESCE("t50"."_t_hit", 0) = 1
    )
    AND (
      COALESCE("t50"."_t_has_last", 1) = 0
    )
    THEN "t50"."_t_last"
    ELSE '(none)'
  END AS "last_touch"
FROM (
  SELECT
    "t42"."unit",
    "t42"."_f_entry" + 1 AS "entry",
    CASE
      WHEN "t42"."_f_t3" IS NOT NULL
      THEN 4
      WHEN "t42"."_f_t2" IS NOT NULL
      THEN 3
      WHEN "t42"."_f_t1" IS NOT NULL
      THEN 2
      WHEN "t42"."_f_t0" IS NOT NULL
      THEN 1
      ELSE CAST(NULL AS BIGINT)
    END AS "reached",
    "t42"."_f_t0" AS "step_1_ts",
    "t42"."_f_t1" AS "step_2_ts",
    "t42"."_f_t2" AS "step_3_ts",
    "t42"."_f_t3" AS "step_4_ts",
    CASE
      WHEN "t42"."_f_entry" < 0
      THEN CAST(DATE_DIFF('MICROSECOND', "t42"."_f_s0", "t42"."_f_t0") AS DOUBLE) / 1000000
      ELSE CAST(NULL AS DOUBLE)
    END AS "step_1_seconds",
    CASE
      WHEN "t42"."_f_entry" < 1
      THEN CAST(DATE_DIFF('MICROSECOND', "t42"."_f_s1", "t42"."_f_t1") AS DOUBLE) / 1000000
      ELSE CAST(NULL AS DOUBLE)
    END AS "step_2_seconds",
    CASE
      WHEN "t42"."_f_entry" < 2
      THEN CAST(DATE_DIFF('MICROSECOND', "t42"."_f_s2", "t42"."_f_t2") AS DOUBLE) / 1000000
      ELSE CAST(NULL AS DOUBLE)
    END AS "step_3_seconds",
    CASE
      WHEN "t42"."_f_entry" < 3
      THEN CAST(DATE_DIFF('MICROSECOND', "t42"."_f_s3", "t42"."_f_t3") AS DOUBLE) / 1000000
      ELSE CAST(NULL AS DOUBLE)
    END AS "step_4_seconds"
  FROM "t41" AS "t42"
  WHERE
    "t42"."_f_t0" IS NOT NULL
) AS "t46"
LEFT OUTER JOIN (
  SELECT
    "t48"."unit" AS "_t_unit",
    FIRST("t48"."channel" ORDER BY "t48"."_t_pos") AS "_t_first",
    FIRST(
      "t48"."channel" ORDER BY CASE WHEN "t48"."_t_in" = 0 THEN "t48"."_t_pos" ELSE -1 END DESC
    ) AS "_t_last",
    MIN("t48"."_t_in") AS "_t_has_last",
    MAX((
      "t48"."seq" * 0
    ) + 1) AS "_t_hit"
  FROM (
    SELECT
      "t47"."unit",
      "t47"."ts",
      "t47"."seq",
      "t47"."label",
      "t47"."channel",
      "t47"."_t_unit",
      "t47"."_t_cut",
      CASE WHEN "t47"."ts" <= "t47"."_t_cut" THEN 0 ELSE 1 END AS "_t_in",
      ROW_NUMBER() OVER (
        PARTITION BY "t47"."unit"
        ORDER BY "t47"."ts" ASC, "t47"."seq" ASC, CASE WHEN "t47"."label" IS NULL THEN 1 ELSE 0 END ASC, "t47"."label" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1 AS "_t_pos"
    FROM (
      SELECT
        "t3"."unit",
        "t3"."ts",
        "t3"."seq",
        "t3"."label",
        "t3"."channel",
        "t45"."_t_unit",
        "t45"."_t_cut"
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
          "t42"."unit" AS "_t_unit",
          CASE
            WHEN CASE
              WHEN "t42"."_f_t3" IS NOT NULL
              THEN 4
              WHEN "t42"."_f_t2" IS NOT NULL
              THEN 3
              WHEN "t42"."_f_t1" IS NOT NULL
              THEN 2
              WHEN "t42"."_f_t0" IS NOT NULL
              THEN 1
              ELSE CAST(NULL AS BIGINT)
            END = 1
            THEN "t42"."_f_t0"
            WHEN CASE
              WHEN "t42"."_f_t3" IS NOT NULL
              THEN 4
              WHEN "t42"."_f_t2" IS NOT NULL
              THEN 3
              WHEN "t42"."_f_t1" IS NOT NULL
              THEN 2
              WHEN "t42"."_f_t0" IS NOT NULL
              THEN 1
              ELSE CAST(NULL AS BIGINT)
            END = 2
            THEN "t42"."_f_t1"
            WHEN CASE
              WHEN "t42"."_f_t3" IS NOT NULL
              THEN 4
              WHEN "t42"."_f_t2" IS NOT NULL
              THEN 3
              WHEN "t42"."_f_t1" IS NOT NULL
              THEN 2
              WHEN "t42"."_f_t0" IS NOT NULL
              THEN 1
              ELSE CAST(NULL AS BIGINT)
            END = 3
            THEN "t42"."_f_t2"
            WHEN CASE
              WHEN "t42"."_f_t3" IS NOT NULL
              THEN 4
              WHEN "t42"."_f_t2" IS NOT NULL
              THEN 3
              WHEN "t42"."_f_t1" IS NOT NULL
              THEN 2
              WHEN "t42"."_f_t0" IS NOT NULL
              THEN 1
              ELSE CAST(NULL AS BIGINT)
            END = 4
            THEN "t42"."_f_t3"
            ELSE NULL
          END AS "_t_cut"
        FROM "t41" AS "t42"
        WHERE
          "t42"."_f_t0" IS NOT NULL
      ) AS "t45"
        ON "t3"."unit" = "t45"."_t_unit"
    ) AS "t47"
  ) AS "t48"
  GROUP BY
    1
) AS "t50"
  ON "t46"."unit" = "t50"."_t_unit"
