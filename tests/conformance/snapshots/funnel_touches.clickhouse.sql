WITH "t4" AS (
  SELECT
    "t2"."unit" AS "unit",
    "t2"."ts" AS "ts",
    "t2"."_f_k" AS "_f_k",
    ROW_NUMBER() OVER (
      PARTITION BY "t2"."unit"
      ORDER BY "t2"."ts" ASC, "t2"."seq" ASC, "t2"."label" ASC
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
  ) AS "t2"
), "t19" AS (
  SELECT
    "t18"."unit" AS "unit",
    "t18"."_f_v" AS "_f_v",
    MIN("t18"."_f_pos") AS "_f_pos",
    MIN("t18"."ts") AS "ts"
  FROM (
    SELECT
      "t17"."unit" AS "unit",
      "t17"."_f_pos" AS "_f_pos",
      MAX("t17"."_f_w") AS "_f_v",
      MAX("t17"."ts") AS "ts"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t10"."unit" AS "unit",
          "t10"."ts" AS "ts",
          "t10"."_f_k" AS "_f_k",
          "t10"."_f_pos" AS "_f_pos",
          "t15"."_f_w" AS "_f_w",
          "t15"."_f_p" AS "_f_p"
        FROM (
          SELECT
            *
          FROM "t4" AS "t5"
          WHERE
            "t5"."_f_k" = 1
        ) AS "t10"
        INNER JOIN (
          SELECT
            "t6"."unit" AS "unit",
            "t6"."_f_v" AS "_f_w",
            MIN("t6"."_f_pos") AS "_f_p"
          FROM (
            SELECT
              "t5"."unit" AS "unit",
              "t5"."_f_pos" AS "_f_pos",
              "t5"."ts" AS "_f_v"
            FROM "t4" AS "t5"
            WHERE
              "t5"."_f_k" = 0
          ) AS "t6"
          GROUP BY
            "t6"."unit",
            "t6"."_f_v"
        ) AS "t15"
          ON "t10"."unit" = "t15"."unit"
      ) AS "t16"
      WHERE
        "t16"."_f_p" < "t16"."_f_pos"
    ) AS "t17"
    GROUP BY
      "t17"."unit",
      "t17"."_f_pos"
  ) AS "t18"
  GROUP BY
    "t18"."unit",
    "t18"."_f_v"
), "t28" AS (
  SELECT
    "t27"."unit" AS "unit",
    "t27"."_f_v" AS "_f_v",
    MIN("t27"."_f_pos") AS "_f_pos",
    MIN("t27"."ts") AS "ts"
  FROM (
    SELECT
      "t26"."unit" AS "unit",
      "t26"."_f_pos" AS "_f_pos",
      MAX("t26"."_f_w") AS "_f_v",
      MAX("t26"."ts") AS "ts"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t11"."unit" AS "unit",
          "t11"."ts" AS "ts",
          "t11"."_f_k" AS "_f_k",
          "t11"."_f_pos" AS "_f_pos",
          "t22"."_f_w" AS "_f_w",
          "t22"."_f_p" AS "_f_p"
        FROM (
          SELECT
            *
          FROM "t4" AS "t5"
          WHERE
            "t5"."_f_k" = 2
        ) AS "t11"
        INNER JOIN (
          SELECT
            "t20"."unit" AS "unit",
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
      "t26"."unit",
      "t26"."_f_pos"
  ) AS "t27"
  GROUP BY
    "t27"."unit",
    "t27"."_f_v"
), "t41" AS (
  SELECT
    "t40"."unit" AS "unit",
    MAX("t40"."_f_entry") AS "_f_entry",
    MIN(
      CASE WHEN "t40"."_f_v0" THEN "t40"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
    ) AS "_f_t0",
    minIf("t40"."_f_a0", "t40"."_f_v0") AS "_f_s0",
    MIN(
      CASE WHEN "t40"."_f_v1" THEN "t40"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
    ) AS "_f_t1",
    minIf("t40"."_f_a1", "t40"."_f_v1") AS "_f_s1",
    MIN(
      CASE WHEN "t40"."_f_v2" THEN "t40"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
    ) AS "_f_t2",
    minIf("t40"."_f_a2", "t40"."_f_v2") AS "_f_s2",
    MIN(
      CASE WHEN "t40"."_f_v3" THEN "t40"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
    ) AS "_f_t3",
    minIf("t40"."_f_a3", "t40"."_f_v3") AS "_f_s3"
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
            "t5"."unit" AS "unit",
            "t5"."ts" AS "ts",
            "t5"."_f_pos" AS "_f_pos",
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
            CASE WHEN "t5"."_f_k" = 0 THEN "t5"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END AS "_f_a0",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a1",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a2",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a3"
          FROM "t4" AS "t5"
          WHERE
            "t5"."_f_k" = 0
        ) AS "t12"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t20"."unit" AS "unit",
            CAST("t20"."ts" AS DateTime) AS "ts",
            "t20"."_f_pos" AS "_f_pos",
            0 AS "_f_entry",
            'add_to_cart' AS "_f_step",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a0",
            "t20"."_f_v" AS "_f_a1",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a2",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a3"
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
            "t29"."unit" AS "unit",
            CAST("t29"."ts" AS DateTime) AS "ts",
            "t29"."_f_pos" AS "_f_pos",
            0 AS "_f_entry",
            'checkout_started' AS "_f_step",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a0",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a1",
            "t29"."_f_v" AS "_f_a2",
            CAST(NULL AS Nullable(DateTime)) AS "_f_a3"
          FROM "t28" AS "t29"
        ) AS "t32"
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
              "t35"."_f_v" AS "_f_v",
              MIN("t35"."_f_pos") AS "_f_pos",
              MIN("t35"."ts") AS "ts"
            FROM (
              SELECT
                "t34"."unit" AS "unit",
                "t34"."_f_pos" AS "_f_pos",
                MAX("t34"."_f_w") AS "_f_v",
                MAX("t34"."ts") AS "ts"
              FROM (
                SELECT
                  *
                FROM (
                  SELECT
                    "t13"."unit" AS "unit",
                    "t13"."ts" AS "ts",
                    "t13"."_f_k" AS "_f_k",
                    "t13"."_f_pos" AS "_f_pos",
                    "t31"."_f_w" AS "_f_w",
                    "t31"."_f_p" AS "_f_p"
                  FROM (
                    SELECT
                      *
                    FROM "t4" AS "t5"
                    WHERE
                      "t5"."_f_k" = 3
                  ) AS "t13"
                  INNER JOIN (
                    SELECT
                      "t29"."unit" AS "unit",
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
  ) AS "t40"
  GROUP BY
    "t40"."unit"
)
SELECT
  "t46"."unit" AS "unit",
  "t46"."entry" AS "entry",
  "t46"."reached" AS "reached",
  "t46"."step_1_ts" AS "step_1_ts",
  "t46"."step_2_ts" AS "step_2_ts",
  "t46"."step_3_ts" AS "step_3_ts",
  "t46"."step_4_ts" AS "step_4_ts",
  "t46"."step_1_seconds" AS "step_1_seconds",
  "t46"."step_2_seconds" AS "step_2_seconds",
  "t46"."step_3_seconds" AS "step_3_seconds",
  "t46"."step_4_seconds" AS "step_4_seconds",
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
    "t42"."unit" AS "unit",
    "t42"."_f_entry" + 1 AS "entry",
    CASE
      WHEN isNotNull("t42"."_f_t3")
      THEN 4
      WHEN isNotNull("t42"."_f_t2")
      THEN 3
      WHEN isNotNull("t42"."_f_t1")
      THEN 2
      WHEN isNotNull("t42"."_f_t0")
      THEN 1
      ELSE CAST(NULL AS Nullable(Int64))
    END AS "reached",
    "t42"."_f_t0" AS "step_1_ts",
    "t42"."_f_t1" AS "step_2_ts",
    "t42"."_f_t2" AS "step_3_ts",
    "t42"."_f_t3" AS "step_4_ts",
    CASE
      WHEN "t42"."_f_entry" < 0
      THEN CAST(DATE_DIFF(MICROSECOND, "t42"."_f_s0", "t42"."_f_t0") AS Nullable(Float64)) / 1000000
      ELSE CAST(NULL AS Nullable(Float64))
    END AS "step_1_seconds",
    CASE
      WHEN "t42"."_f_entry" < 1
      THEN CAST(DATE_DIFF(MICROSECOND, "t42"."_f_s1", "t42"."_f_t1") AS Nullable(Float64)) / 1000000
      ELSE CAST(NULL AS Nullable(Float64))
    END AS "step_2_seconds",
    CASE
      WHEN "t42"."_f_entry" < 2
      THEN CAST(DATE_DIFF(MICROSECOND, "t42"."_f_s2", "t42"."_f_t2") AS Nullable(Float64)) / 1000000
      ELSE CAST(NULL AS Nullable(Float64))
    END AS "step_3_seconds",
    CASE
      WHEN "t42"."_f_entry" < 3
      THEN CAST(DATE_DIFF(MICROSECOND, "t42"."_f_s3", "t42"."_f_t3") AS Nullable(Float64)) / 1000000
      ELSE CAST(NULL AS Nullable(Float64))
    END AS "step_4_seconds"
  FROM "t41" AS "t42"
  WHERE
    isNotNull("t42"."_f_t0")
) AS "t46"
LEFT OUTER JOIN (
  SELECT
    "t48"."unit" AS "_t_unit",
    argMin(tuple("t48"."channel"), "t48"."_t_pos").1 AS "_t_first",
    argMax(
      tuple("t48"."channel"),
      CASE WHEN "t48"."_t_in" = 0 THEN "t48"."_t_pos" ELSE -1 END
    ).1 AS "_t_last",
    MIN("t48"."_t_in") AS "_t_has_last",
    MAX((
      "t48"."seq" * 0
    ) + 1) AS "_t_hit"
  FROM (
    SELECT
      "t47"."unit" AS "unit",
      "t47"."ts" AS "ts",
      "t47"."seq" AS "seq",
      "t47"."label" AS "label",
      "t47"."channel" AS "channel",
      "t47"."_t_unit" AS "_t_unit",
      "t47"."_t_cut" AS "_t_cut",
      CASE WHEN "t47"."ts" <= "t47"."_t_cut" THEN 0 ELSE 1 END AS "_t_in",
      ROW_NUMBER() OVER (
        PARTITION BY "t47"."unit"
        ORDER BY "t47"."ts" ASC, "t47"."seq" ASC, CASE WHEN isNull("t47"."label") THEN 1 ELSE 0 END ASC, "t47"."label" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1 AS "_t_pos"
    FROM (
      SELECT
        "t3"."unit" AS "unit",
        "t3"."ts" AS "ts",
        "t3"."seq" AS "seq",
        "t3"."label" AS "label",
        "t3"."channel" AS "channel",
        "t45"."_t_unit" AS "_t_unit",
        "t45"."_t_cut" AS "_t_cut"
      FROM (
        SELECT
          "t0"."unit" AS "unit",
          "t0"."ts" AS "ts",
          "t0"."seq" AS "seq",
          "t0"."label" AS "label",
          "t0"."channel" AS "channel"
        FROM "journey_events" AS "t0"
        WHERE
          isNotNull("t0"."unit") AND isNotNull("t0"."channel")
      ) AS "t3"
      INNER JOIN (
        SELECT
          "t42"."unit" AS "_t_unit",
          CASE
            WHEN CASE
              WHEN isNotNull("t42"."_f_t3")
              THEN 4
              WHEN isNotNull("t42"."_f_t2")
              THEN 3
              WHEN isNotNull("t42"."_f_t1")
              THEN 2
              WHEN isNotNull("t42"."_f_t0")
              THEN 1
              ELSE CAST(NULL AS Nullable(Int64))
            END = 1
            THEN "t42"."_f_t0"
            WHEN CASE
              WHEN isNotNull("t42"."_f_t3")
              THEN 4
              WHEN isNotNull("t42"."_f_t2")
              THEN 3
              WHEN isNotNull("t42"."_f_t1")
              THEN 2
              WHEN isNotNull("t42"."_f_t0")
              THEN 1
              ELSE CAST(NULL AS Nullable(Int64))
            END = 2
            THEN "t42"."_f_t1"
            WHEN CASE
              WHEN isNotNull("t42"."_f_t3")
              THEN 4
              WHEN isNotNull("t42"."_f_t2")
              THEN 3
              WHEN isNotNull("t42"."_f_t1")
              THEN 2
              WHEN isNotNull("t42"."_f_t0")
              THEN 1
              ELSE CAST(NULL AS Nullable(Int64))
            END = 3
            THEN "t42"."_f_t2"
            WHEN CASE
              WHEN isNotNull("t42"."_f_t3")
              THEN 4
              WHEN isNotNull("t42"."_f_t2")
              THEN 3
              WHEN isNotNull("t42"."_f_t1")
              THEN 2
              WHEN isNotNull("t42"."_f_t0")
              THEN 1
              ELSE CAST(NULL AS Nullable(Int64))
            END = 4
            THEN "t42"."_f_t3"
            ELSE NULL
          END AS "_t_cut"
        FROM "t41" AS "t42"
        WHERE
          isNotNull("t42"."_f_t0")
      ) AS "t45"
        ON "t3"."unit" = "t45"."_t_unit"
    ) AS "t47"
  ) AS "t48"
  GROUP BY
    "t48"."unit"
) AS "t50"
  ON "t46"."unit" = "t50"."_t_unit"
