WITH "t4" AS (
  SELECT
    "t3"."unit" AS "unit",
    "t3"."ts" AS "ts",
    "t3"."_f_k" AS "_f_k",
    ROW_NUMBER() OVER (
      PARTITION BY "t3"."unit"
      ORDER BY "t3"."ts" ASC, "t3"."seq" ASC, "t3"."label" ASC
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
      isNotNull("t0"."unit") AND "t0"."label" IN ('ad', 'order', 'product')
  ) AS "t3"
), "t17" AS (
  SELECT
    "t16"."unit" AS "unit",
    "t16"."_f_v" AS "_f_v",
    MIN("t16"."_f_pos") AS "_f_pos",
    MIN("t16"."ts") AS "ts"
  FROM (
    SELECT
      "t15"."unit" AS "unit",
      "t15"."_f_pos" AS "_f_pos",
      MAX("t15"."_f_w") AS "_f_v",
      MAX("t15"."ts") AS "ts"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t9"."unit" AS "unit",
          "t9"."ts" AS "ts",
          "t9"."_f_k" AS "_f_k",
          "t9"."_f_pos" AS "_f_pos",
          "t13"."_f_w" AS "_f_w",
          "t13"."_f_p" AS "_f_p"
        FROM (
          SELECT
            *
          FROM "t4" AS "t5"
          WHERE
            "t5"."_f_k" = 1
        ) AS "t9"
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
        ) AS "t13"
          ON "t9"."unit" = "t13"."unit"
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
)
SELECT
  COUNT(*) AS "units",
  COALESCE(SUM(COALESCE("t36"."_converted", 0)), 0) AS "converted"
FROM (
  SELECT
    "t32"."unit" AS "unit",
    "t32"."started" AS "started",
    "t32"."completed" AS "completed",
    "t35"."_unit" AS "_unit",
    "t35"."_converted" AS "_converted"
  FROM (
    SELECT
      "t30"."unit" AS "unit",
      "t30"."_f_t0" AS "started",
      "t30"."_f_t2" AS "completed"
    FROM (
      SELECT
        "t29"."unit" AS "unit",
        MAX("t29"."_f_entry") AS "_f_entry",
        MIN(
          CASE WHEN "t29"."_f_v0" THEN "t29"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
        ) AS "_f_t0",
        minIf("t29"."_f_a0", "t29"."_f_v0") AS "_f_s0",
        MIN(
          CASE WHEN "t29"."_f_v1" THEN "t29"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
        ) AS "_f_t1",
        minIf("t29"."_f_a1", "t29"."_f_v1") AS "_f_s1",
        MIN(
          CASE WHEN "t29"."_f_v2" THEN "t29"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
        ) AS "_f_t2",
        minIf("t29"."_f_a2", "t29"."_f_v2") AS "_f_s2"
      FROM (
        SELECT
          "t28"."unit" AS "unit",
          "t28"."ts" AS "ts",
          "t28"."_f_pos" AS "_f_pos",
          "t28"."_f_entry" AS "_f_entry",
          "t28"."_f_step" AS "_f_step",
          "t28"."_f_a0" AS "_f_a0",
          "t28"."_f_a1" AS "_f_a1",
          "t28"."_f_a2" AS "_f_a2",
          isNotNull("t28"."_f_a0") AS "_f_v0",
          isNotNull("t28"."_f_a1") AS "_f_v1",
          isNotNull("t28"."_f_a2") AS "_f_v2"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t26"."unit" AS "unit",
              CAST("t26"."ts" AS DateTime) AS "ts",
              "t26"."_f_pos" AS "_f_pos",
              0 AS "_f_entry",
              'order' AS "_f_step",
              CAST(NULL AS Nullable(DateTime)) AS "_f_a0",
              CAST(NULL AS Nullable(DateTime)) AS "_f_a1",
              "t26"."_f_v" AS "_f_a2"
            FROM (
              SELECT
                "t25"."unit" AS "unit",
                "t25"."_f_v" AS "_f_v",
                MIN("t25"."_f_pos") AS "_f_pos",
                MIN("t25"."ts") AS "ts"
              FROM (
                SELECT
                  "t24"."unit" AS "unit",
                  "t24"."_f_pos" AS "_f_pos",
                  MAX("t24"."_f_w") AS "_f_v",
                  MAX("t24"."ts") AS "ts"
                FROM (
                  SELECT
                    *
                  FROM (
                    SELECT
                      "t11"."unit" AS "unit",
                      "t11"."ts" AS "ts",
                      "t11"."_f_k" AS "_f_k",
                      "t11"."_f_pos" AS "_f_pos",
                      "t20"."_f_w" AS "_f_w",
                      "t20"."_f_p" AS "_f_p"
                    FROM (
                      SELECT
                        *
                      FROM "t4" AS "t5"
                      WHERE
                        "t5"."_f_k" = 2
                    ) AS "t11"
                    INNER JOIN (
                      SELECT
                        "t18"."unit" AS "unit",
                        "t18"."_f_v" AS "_f_w",
                        "t18"."_f_pos" AS "_f_p"
                      FROM "t17" AS "t18"
                    ) AS "t20"
                      ON "t11"."unit" = "t20"."unit"
                  ) AS "t23"
                  WHERE
                    "t23"."_f_p" < "t23"."_f_pos"
                ) AS "t24"
                GROUP BY
                  "t24"."unit",
                  "t24"."_f_pos"
              ) AS "t25"
              GROUP BY
                "t25"."unit",
                "t25"."_f_v"
            ) AS "t26"
          ) AS "t27"
          UNION ALL
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
                  THEN 'ad'
                  WHEN "t5"."_f_k" = 1
                  THEN 'product'
                  WHEN "t5"."_f_k" = 2
                  THEN 'order'
                  ELSE NULL
                END AS "_f_step",
                CASE WHEN "t5"."_f_k" = 0 THEN "t5"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END AS "_f_a0",
                CAST(NULL AS Nullable(DateTime)) AS "_f_a1",
                CAST(NULL AS Nullable(DateTime)) AS "_f_a2"
              FROM "t4" AS "t5"
              WHERE
                "t5"."_f_k" = 0
            ) AS "t10"
            UNION ALL
            SELECT
              *
            FROM (
              SELECT
                "t18"."unit" AS "unit",
                CAST("t18"."ts" AS DateTime) AS "ts",
                "t18"."_f_pos" AS "_f_pos",
                0 AS "_f_entry",
                'product' AS "_f_step",
                CAST(NULL AS Nullable(DateTime)) AS "_f_a0",
                "t18"."_f_v" AS "_f_a1",
                CAST(NULL AS Nullable(DateTime)) AS "_f_a2"
              FROM "t17" AS "t18"
            ) AS "t21"
          ) AS "t22"
        ) AS "t28"
      ) AS "t29"
      GROUP BY
        "t29"."unit"
    ) AS "t30"
    WHERE
      isNotNull("t30"."_f_t0")
      AND CASE
        WHEN isNotNull("t30"."_f_t2")
        THEN 3
        WHEN isNotNull("t30"."_f_t1")
        THEN 2
        WHEN isNotNull("t30"."_f_t0")
        THEN 1
        ELSE CAST(NULL AS Nullable(Int64))
      END = 3
  ) AS "t32"
  LEFT OUTER JOIN (
    SELECT DISTINCT
      "t33"."unit" AS "_unit",
      1 AS "_converted"
    FROM (
      SELECT
        "t32"."unit" AS "unit",
        "t32"."started" AS "started",
        "t32"."completed" AS "completed",
        "t2"."person" AS "person",
        "t2"."ts" AS "ts",
        "t2"."seq" AS "seq",
        "t2"."label" AS "label",
        "t2"."event" AS "event",
        "t2"."channel" AS "channel",
        "t2"."value" AS "value",
        "t2"."properties" AS "properties"
      FROM (
        SELECT
          "t30"."unit" AS "unit",
          "t30"."_f_t0" AS "started",
          "t30"."_f_t2" AS "completed"
        FROM (
          SELECT
            "t29"."unit" AS "unit",
            MAX("t29"."_f_entry") AS "_f_entry",
            MIN(
              CASE WHEN "t29"."_f_v0" THEN "t29"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
            ) AS "_f_t0",
            minIf("t29"."_f_a0", "t29"."_f_v0") AS "_f_s0",
            MIN(
              CASE WHEN "t29"."_f_v1" THEN "t29"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
            ) AS "_f_t1",
            minIf("t29"."_f_a1", "t29"."_f_v1") AS "_f_s1",
            MIN(
              CASE WHEN "t29"."_f_v2" THEN "t29"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END
            ) AS "_f_t2",
            minIf("t29"."_f_a2", "t29"."_f_v2") AS "_f_s2"
          FROM (
            SELECT
              "t28"."unit" AS "unit",
              "t28"."ts" AS "ts",
              "t28"."_f_pos" AS "_f_pos",
              "t28"."_f_entry" AS "_f_entry",
              "t28"."_f_step" AS "_f_step",
              "t28"."_f_a0" AS "_f_a0",
              "t28"."_f_a1" AS "_f_a1",
              "t28"."_f_a2" AS "_f_a2",
              isNotNull("t28"."_f_a0") AS "_f_v0",
              isNotNull("t28"."_f_a1") AS "_f_v1",
              isNotNull("t28"."_f_a2") AS "_f_v2"
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t26"."unit" AS "unit",
                  CAST("t26"."ts" AS DateTime) AS "ts",
                  "t26"."_f_pos" AS "_f_pos",
                  0 AS "_f_entry",
                  'order' AS "_f_step",
                  CAST(NULL AS Nullable(DateTime)) AS "_f_a0",
                  CAST(NULL AS Nullable(DateTime)) AS "_f_a1",
                  "t26"."_f_v" AS "_f_a2"
                FROM (
                  SELECT
                    "t25"."unit" AS "unit",
                    "t25"."_f_v" AS "_f_v",
                    MIN("t25"."_f_pos") AS "_f_pos",
                    MIN("t25"."ts") AS "ts"
                  FROM (
                    SELECT
                      "t24"."unit" AS "unit",
                      "t24"."_f_pos" AS "_f_pos",
                      MAX("t24"."_f_w") AS "_f_v",
                      MAX("t24"."ts") AS "ts"
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          "t11"."unit" AS "unit",
                          "t11"."ts" AS "ts",
                          "t11"."_f_k" AS "_f_k",
                          "t11"."_f_pos" AS "_f_pos",
                          "t20"."_f_w" AS "_f_w",
                          "t20"."_f_p" AS "_f_p"
                        FROM (
                          SELECT
                            *
                          FROM "t4" AS "t5"
                          WHERE
                            "t5"."_f_k" = 2
                        ) AS "t11"
                        INNER JOIN (
                          SELECT
                            "t18"."unit" AS "unit",
                            "t18"."_f_v" AS "_f_w",
                            "t18"."_f_pos" AS "_f_p"
                          FROM "t17" AS "t18"
                        ) AS "t20"
                          ON "t11"."unit" = "t20"."unit"
                      ) AS "t23"
                      WHERE
                        "t23"."_f_p" < "t23"."_f_pos"
                    ) AS "t24"
                    GROUP BY
                      "t24"."unit",
                      "t24"."_f_pos"
                  ) AS "t25"
                  GROUP BY
                    "t25"."unit",
                    "t25"."_f_v"
                ) AS "t26"
              ) AS "t27"
              UNION ALL
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
                      THEN 'ad'
                      WHEN "t5"."_f_k" = 1
                      THEN 'product'
                      WHEN "t5"."_f_k" = 2
                      THEN 'order'
                      ELSE NULL
                    END AS "_f_step",
                    CASE WHEN "t5"."_f_k" = 0 THEN "t5"."ts" ELSE CAST(NULL AS Nullable(DateTime)) END AS "_f_a0",
                    CAST(NULL AS Nullable(DateTime)) AS "_f_a1",
                    CAST(NULL AS Nullable(DateTime)) AS "_f_a2"
                  FROM "t4" AS "t5"
                  WHERE
                    "t5"."_f_k" = 0
                ) AS "t10"
                UNION ALL
                SELECT
                  *
                FROM (
                  SELECT
                    "t18"."unit" AS "unit",
                    CAST("t18"."ts" AS DateTime) AS "ts",
                    "t18"."_f_pos" AS "_f_pos",
                    0 AS "_f_entry",
                    'product' AS "_f_step",
                    CAST(NULL AS Nullable(DateTime)) AS "_f_a0",
                    "t18"."_f_v" AS "_f_a1",
                    CAST(NULL AS Nullable(DateTime)) AS "_f_a2"
                  FROM "t17" AS "t18"
                ) AS "t21"
              ) AS "t22"
            ) AS "t28"
          ) AS "t29"
          GROUP BY
            "t29"."unit"
        ) AS "t30"
        WHERE
          isNotNull("t30"."_f_t0")
          AND CASE
            WHEN isNotNull("t30"."_f_t2")
            THEN 3
            WHEN isNotNull("t30"."_f_t1")
            THEN 2
            WHEN isNotNull("t30"."_f_t0")
            THEN 1
            ELSE CAST(NULL AS Nullable(Int64))
          END = 3
      ) AS "t32"
      INNER JOIN (
        SELECT
          *
        FROM "journey_events" AS "t0"
        WHERE
          "t0"."label" = 'order'
      ) AS "t2"
        ON "t32"."unit" = "t2"."unit"
    ) AS "t33"
    WHERE
      "t33"."ts" >= "t33"."completed"
  ) AS "t35"
    ON "t32"."unit" = "t35"."_unit"
) AS "t36"
