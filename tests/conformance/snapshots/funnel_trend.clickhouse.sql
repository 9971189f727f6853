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
)
SELECT
  CAST(parseDateTimeBestEffort('1970-01-05T00:00:00') AS Nullable(DateTime64(6))) + INTERVAL ("t45"."_k" * 604800) SECOND AS "period",
  "t45"."entered" AS "entered",
  "t45"."step_4_count" AS "converted",
  "t45"."step_4_count" / "t45"."entered" AS "conversion",
  "t45"."step_1_count" AS "step_1_count",
  "t45"."step_2_count" AS "step_2_count",
  "t45"."step_3_count" AS "step_3_count",
  "t45"."step_4_count" AS "step_4_count"
FROM (
  SELECT
    "t44"."_k" AS "_k",
    COUNT(*) AS "entered",
    SUM("t44"."_r1") AS "step_1_count",
    SUM("t44"."_r2") AS "step_2_count",
    SUM("t44"."_r3") AS "step_3_count",
    SUM("t44"."_r4") AS "step_4_count"
  FROM (
    SELECT
      CAST(FLOOR(
        (
          DATE_DIFF(
            MICROSECOND,
            CAST(parseDateTimeBestEffort('1970-01-05T00:00:00') AS Nullable(DateTime64(6))),
            CASE
              WHEN (
                "t43"."_f_entry" + 1
              ) = 1
              THEN "t43"."_f_t0"
              WHEN (
                "t43"."_f_entry" + 1
              ) = 2
              THEN "t43"."_f_t1"
              WHEN (
                "t43"."_f_entry" + 1
              ) = 3
              THEN "t43"."_f_t2"
              WHEN (
                "t43"."_f_entry" + 1
              ) = 4
              THEN "t43"."_f_t3"
              ELSE NULL
            END
          )
        ) / (
          604800000000
        )
      ) AS Nullable(Int64)) AS "_k",
      CASE WHEN isNotNull("t43"."_f_t0") THEN 1 ELSE 0 END AS "_r1",
      CASE WHEN isNotNull("t43"."_f_t1") THEN 1 ELSE 0 END AS "_r2",
      CASE WHEN isNotNull("t43"."_f_t2") THEN 1 ELSE 0 END AS "_r3",
      CASE WHEN isNotNull("t43"."_f_t3") THEN 1 ELSE 0 END AS "_r4"
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
  ) AS "t44"
  GROUP BY
    "t44"."_k"
) AS "t45"
