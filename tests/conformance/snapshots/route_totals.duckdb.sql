WITH "t4" AS (
  SELECT
    "t3"."unit",
    "t3"."ts",
    "t3"."_f_entry",
    "t3"."_f_k",
    ROW_NUMBER() OVER (
      PARTITION BY "t3"."unit"
      ORDER BY "t3"."ts" ASC, "t3"."seq" ASC, "t3"."label" ASC
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
        WHEN "t0"."label" = 'ad'
        THEN 0
        WHEN "t0"."label" = 'product'
        THEN 1
        WHEN "t0"."label" = 'order'
        THEN 2
        ELSE NULL
      END AS "_f_k"
    FROM "journey_events" AS "t0"
    WHERE
      "t0"."unit" IS NOT NULL AND "t0"."label" IN ('ad', 'order', 'product')
  ) AS "t3"
), "t17" AS (
  SELECT
    "t16"."unit",
    "t16"."_f_v",
    MIN("t16"."_f_pos") AS "_f_pos",
    MIN("t16"."ts") AS "ts",
    MIN("t16"."_f_entry") AS "_f_entry"
  FROM (
    SELECT
      "t15"."unit",
      "t15"."_f_pos",
      MAX("t15"."_f_w") AS "_f_v",
      MAX("t15"."ts") AS "ts",
      MAX("t15"."_f_entry") AS "_f_entry"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t9"."unit",
          "t9"."ts",
          "t9"."_f_entry",
          "t9"."_f_k",
          "t9"."_f_pos",
          "t13"."_f_w",
          "t13"."_f_p"
        FROM (
          SELECT
            *
          FROM "t4" AS "t5"
          WHERE
            "t5"."_f_k" = 1
        ) AS "t9"
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
        ) AS "t13"
          ON "t9"."unit" = "t13"."unit"
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
), "t30" AS (
  SELECT
    "t29"."unit",
    "t29"."ts",
    "t29"."_f_entry",
    "t29"."_f_step",
    "t29"."_f_a0",
    "t29"."_f_a1",
    "t29"."_f_a2",
    "t29"."_f_a0" IS NOT NULL AS "_f_v0",
    "t29"."_f_a1" IS NOT NULL AS "_f_v1",
    "t29"."_f_a2" IS NOT NULL AS "_f_v2"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t27"."unit",
        CAST("t27"."ts" AS TIMESTAMP) AS "ts",
        "t27"."_f_entry",
        'order' AS "_f_step",
        CAST(NULL AS TIMESTAMP) AS "_f_a0",
        CAST(NULL AS TIMESTAMP) AS "_f_a1",
        "t27"."_f_v" AS "_f_a2"
      FROM (
        SELECT
          "t26"."unit",
          "t26"."_f_v",
          MIN("t26"."_f_pos") AS "_f_pos",
          MIN("t26"."ts") AS "ts",
          MIN("t26"."_f_entry") AS "_f_entry"
        FROM (
          SELECT
            "t25"."unit",
            "t25"."_f_pos",
            MAX("t25"."_f_w") AS "_f_v",
            MAX("t25"."ts") AS "ts",
            MAX("t25"."_f_entry") AS "_f_entry"
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
                "t23"."_f_w",
                "t23"."_f_p"
              FROM (
                SELECT
                  *
                FROM "t4" AS "t5"
                WHERE
                  "t5"."_f_k" = 2
              ) AS "t10"
              INNER JOIN (
                SELECT
                  "t19"."unit",
                  "t19"."_f_v" AS "_f_w",
                  MIN("t19"."_f_pos") AS "_f_p"
                FROM (
                  SELECT
                    "t18"."unit",
                    "t18"."_f_pos",
                    "t18"."_f_v"
                  FROM "t17" AS "t18"
                ) AS "t19"
                GROUP BY
                  1,
                  2
              ) AS "t23"
                ON "t10"."unit" = "t23"."unit"
            ) AS "t24"
            WHERE
              "t24"."_f_p" < "t24"."_f_pos"
          ) AS "t25"
          GROUP BY
            1,
            2
        ) AS "t26"
        GROUP BY
          1,
          2
      ) AS "t27"
    ) AS "t28"
    UNION ALL
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
            THEN 'ad'
            WHEN "t5"."_f_k" = 1
            THEN 'product'
            WHEN "t5"."_f_k" = 2
            THEN 'order'
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
          CAST(NULL AS TIMESTAMP) AS "_f_a2"
        FROM "t4" AS "t5"
        WHERE
          "t5"."_f_k" = 0 AND "t5"."_f_entry" = 0
      ) AS "t11"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t18"."unit",
          CAST("t18"."ts" AS TIMESTAMP) AS "ts",
          "t18"."_f_entry",
          'product' AS "_f_step",
          CAST(NULL AS TIMESTAMP) AS "_f_a0",
          "t18"."_f_v" AS "_f_a1",
          CAST(NULL AS TIMESTAMP) AS "_f_a2"
        FROM "t17" AS "t18"
      ) AS "t20"
    ) AS "t21"
  ) AS "t29"
)
SELECT
  COUNT(*) AS "units",
  COALESCE(SUM(COALESCE("t43"."_converted", 0)), 0) AS "converted"
FROM (
  SELECT
    "t39"."unit",
    "t39"."started",
    "t39"."completed",
    "t42"."_unit",
    "t42"."_converted"
  FROM (
    SELECT
      "t37"."unit",
      "t37"."_f_t0" AS "started",
      "t37"."_f_t2" AS "completed"
    FROM (
      SELECT
        "t36"."unit",
        MAX("t36"."_f_entry") AS "_f_entry",
        MAX("t36"."_f_t0") AS "_f_t0",
        MAX(
          CASE
            WHEN "t36"."_f_v0" AND (
              "t36"."ts" = "t36"."_f_t0"
            )
            THEN "t36"."_f_a0"
            ELSE CAST(NULL AS TIMESTAMP)
          END
        ) AS "_f_s0",
        MAX("t36"."_f_t1") AS "_f_t1",
        MAX(
          CASE
            WHEN "t36"."_f_v1" AND (
              "t36"."ts" = "t36"."_f_t1"
            )
            THEN "t36"."_f_a1"
            ELSE CAST(NULL AS TIMESTAMP)
          END
        ) AS "_f_s1",
        MAX("t36"."_f_t2") AS "_f_t2",
        MAX(
          CASE
            WHEN "t36"."_f_v2" AND (
              "t36"."ts" = "t36"."_f_t2"
            )
            THEN "t36"."_f_a2"
            ELSE CAST(NULL AS TIMESTAMP)
          END
        ) AS "_f_s2"
      FROM (
        SELECT
          "t35".*
          EXCLUDE ("_f_unit")
        FROM (
          SELECT
            "t32"."unit",
            "t32"."ts",
            "t32"."_f_entry",
            "t32"."_f_step",
            "t32"."_f_a0",
            "t32"."_f_a1",
            "t32"."_f_a2",
            "t32"."_f_v0",
            "t32"."_f_v1",
            "t32"."_f_v2",
            "t34"."_f_unit",
            "t34"."_f_t0",
            "t34"."_f_t1",
            "t34"."_f_t2"
          FROM "t30" AS "t32"
          INNER JOIN (
            SELECT
              "t31"."unit" AS "_f_unit",
              MIN(CASE WHEN "t31"."_f_v0" THEN "t31"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t0",
              MIN(CASE WHEN "t31"."_f_v1" THEN "t31"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t1",
              MIN(CASE WHEN "t31"."_f_v2" THEN "t31"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t2"
            FROM "t30" AS "t31"
            GROUP BY
              1
          ) AS "t34"
            ON "t32"."unit" = "t34"."_f_unit"
        ) AS "t35"
      ) AS "t36"
      GROUP BY
        1
    ) AS "t37"
    WHERE
      "t37"."_f_t0" IS NOT NULL
      AND CASE
        WHEN "t37"."_f_t2" IS NOT NULL
        THEN 3
        WHEN "t37"."_f_t1" IS NOT NULL
        THEN 2
        WHEN "t37"."_f_t0" IS NOT NULL
        THEN 1
        ELSE CAST(NULL AS BIGINT)
      END = 3
  ) AS "t39"
  LEFT OUTER JOIN (
    SELECT DISTINCT
      "t40"."unit" AS "_unit",
      1 AS "_converted"
    FROM (
      SELECT
        "t39"."unit",
        "t39"."started",
        "t39"."completed",
        "t2"."person",
        "t2"."ts",
        "t2"."seq",
        "t2"."label",
        "t2"."event",
        "t2"."channel",
        "t2"."value",
        "t2"."properties"
      FROM (
        SELECT
          "t37"."unit",
          "t37"."_f_t0" AS "started",
          "t37"."_f_t2" AS "completed"
        FROM (
          SELECT
            "t36"."unit",
            MAX("t36"."_f_entry") AS "_f_entry",
            MAX("t36"."_f_t0") AS "_f_t0",
            MAX(
              CASE
                WHEN "t36"."_f_v0" AND (
                  "t36"."ts" = "t36"."_f_t0"
                )
                THEN "t36"."_f_a0"
                ELSE CAST(NULL AS TIMESTAMP)
              END
            ) AS "_f_s0",
            MAX("t36"."_f_t1") AS "_f_t1",
            MAX(
              CASE
                WHEN "t36"."_f_v1" AND (
                  "t36"."ts" = "t36"."_f_t1"
                )
                THEN "t36"."_f_a1"
                ELSE CAST(NULL AS TIMESTAMP)
              END
            ) AS "_f_s1",
            MAX("t36"."_f_t2") AS "_f_t2",
            MAX(
              CASE
                WHEN "t36"."_f_v2" AND (
                  "t36"."ts" = "t36"."_f_t2"
                )
                THEN "t36"."_f_a2"
                ELSE CAST(NULL AS TIMESTAMP)
              END
            ) AS "_f_s2"
          FROM (
            SELECT
              "t35".*
              EXCLUDE ("_f_unit")
            FROM (
              SELECT
                "t32"."unit",
                "t32"."ts",
                "t32"."_f_entry",
                "t32"."_f_step",
                "t32"."_f_a0",
                "t32"."_f_a1",
                "t32"."_f_a2",
                "t32"."_f_v0",
                "t32"."_f_v1",
                "t32"."_f_v2",
                "t34"."_f_unit",
                "t34"."_f_t0",
                "t34"."_f_t1",
                "t34"."_f_t2"
              FROM "t30" AS "t32"
              INNER JOIN (
                SELECT
                  "t31"."unit" AS "_f_unit",
                  MIN(CASE WHEN "t31"."_f_v0" THEN "t31"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t0",
                  MIN(CASE WHEN "t31"."_f_v1" THEN "t31"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t1",
                  MIN(CASE WHEN "t31"."_f_v2" THEN "t31"."ts" ELSE CAST(NULL AS TIMESTAMP) END) AS "_f_t2"
                FROM "t30" AS "t31"
                GROUP BY
                  1
              ) AS "t34"
                ON "t32"."unit" = "t34"."_f_unit"
            ) AS "t35"
          ) AS "t36"
          GROUP BY
            1
        ) AS "t37"
        WHERE
          "t37"."_f_t0" IS NOT NULL
          AND CASE
            WHEN "t37"."_f_t2" IS NOT NULL
            THEN 3
            WHEN "t37"."_f_t1" IS NOT NULL
            THEN 2
            WHEN "t37"."_f_t0" IS NOT NULL
            THEN 1
            ELSE CAST(NULL AS BIGINT)
          END = 3
      ) AS "t39"
      INNER JOIN (
        SELECT
          *
        FROM "journey_events" AS "t0"
        WHERE
          "t0"."label" = 'order'
      ) AS "t2"
        ON "t39"."unit" = "t2"."unit"
    ) AS "t40"
    WHERE
      "t40"."ts" >= "t40"."completed"
  ) AS "t42"
    ON "t39"."unit" = "t42"."_unit"
) AS "t43"
