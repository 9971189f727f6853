WITH `t4` AS (
  SELECT
    `t3`.`unit`,
    `t3`.`ts`,
    `t3`.`_f_k`,
    ROW_NUMBER() OVER (
      PARTITION BY `t3`.`unit`
      ORDER BY `t3`.`ts` ASC NULLS LAST, `t3`.`seq` ASC NULLS LAST, `t3`.`label` ASC NULLS LAST
    ) - 1 AS `_f_pos`
  FROM (
    SELECT
      `t0`.`unit`,
      `t0`.`ts`,
      `t0`.`seq`,
      `t0`.`label`,
      `t0`.`label` AS `_f_step`,
      0 AS `_f_entry`,
      CASE
        WHEN `t0`.`label` = 'ad'
        THEN 0
        WHEN `t0`.`label` = 'product'
        THEN 1
        WHEN `t0`.`label` = 'order'
        THEN 2
        ELSE NULL
      END AS `_f_k`
    FROM `journey_events` AS `t0`
    WHERE
      `t0`.`unit` IS NOT NULL AND `t0`.`label` IN ('ad', 'order', 'product')
  ) AS `t3`
), `t17` AS (
  SELECT
    `t16`.`unit`,
    `t16`.`_f_v`,
    MIN(`t16`.`_f_pos`) AS `_f_pos`,
    MIN(`t16`.`ts`) AS `ts`
  FROM (
    SELECT
      `t15`.`unit`,
      `t15`.`_f_pos`,
      MAX(`t15`.`_f_w`) AS `_f_v`,
      MAX(`t15`.`ts`) AS `ts`
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t9`.`unit`,
          `t9`.`ts`,
          `t9`.`_f_k`,
          `t9`.`_f_pos`,
          `t13`.`_f_w`,
          `t13`.`_f_p`
        FROM (
          SELECT
            *
          FROM `t4` AS `t5`
          WHERE
            `t5`.`_f_k` = 1
        ) AS `t9`
        INNER JOIN (
          SELECT
            `t6`.`unit`,
            `t6`.`_f_v` AS `_f_w`,
            MIN(`t6`.`_f_pos`) AS `_f_p`
          FROM (
            SELECT
              `t5`.`unit`,
              `t5`.`_f_pos`,
              `t5`.`ts` AS `_f_v`
            FROM `t4` AS `t5`
            WHERE
              `t5`.`_f_k` = 0
          ) AS `t6`
          GROUP BY
            1,
            2
        ) AS `t13`
          ON `t9`.`unit` = `t13`.`unit`
      ) AS `t14`
      WHERE
        `t14`.`_f_p` < `t14`.`_f_pos`
    ) AS `t15`
    GROUP BY
      1,
      2
  ) AS `t16`
  GROUP BY
    1,
    2
)
SELECT
  COUNT(*) AS `units`,
  COALESCE(SUM(COALESCE(`t36`.`_converted`, 0)), 0) AS `converted`
FROM (
  SELECT
    `t32`.`unit`,
    `t32`.`started`,
    `t32`.`completed`,
    `t35`.`_unit`,
    `t35`.`_converted`
  FROM (
    SELECT
      `t30`.`unit`,
      `t30`.`_f_t0` AS `started`,
      `t30`.`_f_t2` AS `completed`
    FROM (
      SELECT
        `t29`.`unit`,
        MAX(`t29`.`_f_entry`) AS `_f_entry`,
        MIN(IF(`t29`.`_f_v0`, `t29`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t0`,
        MIN(IF(`t29`.`_f_v0`, `t29`.`_f_a0`, NULL)) AS `_f_s0`,
        MIN(IF(`t29`.`_f_v1`, `t29`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t1`,
        MIN(IF(`t29`.`_f_v1`, `t29`.`_f_a1`, NULL)) AS `_f_s1`,
        MIN(IF(`t29`.`_f_v2`, `t29`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t2`,
        MIN(IF(`t29`.`_f_v2`, `t29`.`_f_a2`, NULL)) AS `_f_s2`
      FROM (
        SELECT
          `t28`.`unit`,
          `t28`.`ts`,
          `t28`.`_f_pos`,
          `t28`.`_f_entry`,
          `t28`.`_f_step`,
          `t28`.`_f_a0`,
          `t28`.`_f_a1`,
          `t28`.`_f_a2`,
          `t28`.`_f_a0` IS NOT NULL AS `_f_v0`,
          `t28`.`_f_a1` IS NOT NULL AS `_f_v1`,
          `t28`.`_f_a2` IS NOT NULL AS `_f_v2`
        FROM (
          SELECT
            *
          FROM (
            SELECT
              `t26`.`unit`,
              CAST(`t26`.`ts` AS TIMESTAMP) AS `ts`,
              `t26`.`_f_pos`,
              0 AS `_f_entry`,
              'order' AS `_f_step`,
              CAST(NULL AS TIMESTAMP) AS `_f_a0`,
              CAST(NULL AS TIMESTAMP) AS `_f_a1`,
              `t26`.`_f_v` AS `_f_a2`
            FROM (
              SELECT
                `t25`.`unit`,
                `t25`.`_f_v`,
                MIN(`t25`.`_f_pos`) AS `_f_pos`,
                MIN(`t25`.`ts`) AS `ts`
              FROM (
                SELECT
                  `t24`.`unit`,
                  `t24`.`_f_pos`,
                  MAX(`t24`.`_f_w`) AS `_f_v`,
                  MAX(`t24`.`ts`) AS `ts`
                FROM (
                  SELECT
                    *
                  FROM (
                    SELECT
                      `t11`.`unit`,
                      `t11`.`ts`,
                      `t11`.`_f_k`,
                      `t11`.`_f_pos`,
                      `t20`.`_f_w`,
                      `t20`.`_f_p`
                    FROM (
                      SELECT
                        *
                      FROM `t4` AS `t5`
                      WHERE
                        `t5`.`_f_k` = 2
                    ) AS `t11`
                    INNER JOIN (
                      SELECT
                        `t18`.`unit`,
                        `t18`.`_f_v` AS `_f_w`,
                        `t18`.`_f_pos` AS `_f_p`
                      FROM `t17` AS `t18`
                    ) AS `t20`
                      ON `t11`.`unit` = `t20`.`unit`
                  ) AS `t23`
                  WHERE
                    `t23`.`_f_p` < `t23`.`_f_pos`
                ) AS `t24`
                GROUP BY
                  1,
                  2
              ) AS `t25`
              GROUP BY
                1,
                2
            ) AS `t26`
          ) AS `t27`
          UNION ALL
          SELECT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                `t5`.`unit`,
                `t5`.`ts`,
                `t5`.`_f_pos`,
                0 AS `_f_entry`,
                CASE
                  WHEN `t5`.`_f_k` = 0
                  THEN 'ad'
                  WHEN `t5`.`_f_k` = 1
                  THEN 'product'
                  WHEN `t5`.`_f_k` = 2
                  THEN 'order'
                  ELSE NULL
                END AS `_f_step`,
                IF(`t5`.`_f_k` = 0, `t5`.`ts`, CAST(NULL AS TIMESTAMP)) AS `_f_a0`,
                CAST(NULL AS TIMESTAMP) AS `_f_a1`,
                CAST(NULL AS TIMESTAMP) AS `_f_a2`
              FROM `t4` AS `t5`
              WHERE
                `t5`.`_f_k` = 0
            ) AS `t10`
            UNION ALL
            SELECT
              *
            FROM (
              SELECT
                `t18`.`unit`,
                CAST(`t18`.`ts` AS TIMESTAMP) AS `ts`,
                `t18`.`_f_pos`,
                0 AS `_f_entry`,
                'product' AS `_f_step`,
                CAST(NULL AS TIMESTAMP) AS `_f_a0`,
                `t18`.`_f_v` AS `_f_a1`,
                CAST(NULL AS TIMESTAMP) AS `_f_a2`
              FROM `t17` AS `t18`
            ) AS `t21`
          ) AS `t22`
        ) AS `t28`
      ) AS `t29`
      GROUP BY
        1
    ) AS `t30`
    WHERE
      `t30`.`_f_t0` IS NOT NULL
      AND CASE
        WHEN `t30`.`_f_t2` IS NOT NULL
        THEN 3
        WHEN `t30`.`_f_t1` IS NOT NULL
        THEN 2
        WHEN `t30`.`_f_t0` IS NOT NULL
        THEN 1
        ELSE CAST(NULL AS BIGINT)
      END = 3
  ) AS `t32`
  LEFT OUTER JOIN (
    SELECT DISTINCT
      `t33`.`unit` AS `_unit`,
      1 AS `_converted`
    FROM (
      SELECT
        `t32`.`unit`,
        `t32`.`started`,
        `t32`.`completed`,
        `t2`.`person`,
        `t2`.`ts`,
        `t2`.`seq`,
        `t2`.`label`,
        `t2`.`event`,
        `t2`.`channel`,
        `t2`.`value`,
        `t2`.`properties`
      FROM (
        SELECT
          `t30`.`unit`,
          `t30`.`_f_t0` AS `started`,
          `t30`.`_f_t2` AS `completed`
        FROM (
          SELECT
            `t29`.`unit`,
            MAX(`t29`.`_f_entry`) AS `_f_entry`,
            MIN(IF(`t29`.`_f_v0`, `t29`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t0`,
            MIN(IF(`t29`.`_f_v0`, `t29`.`_f_a0`, NULL)) AS `_f_s0`,
            MIN(IF(`t29`.`_f_v1`, `t29`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t1`,
            MIN(IF(`t29`.`_f_v1`, `t29`.`_f_a1`, NULL)) AS `_f_s1`,
            MIN(IF(`t29`.`_f_v2`, `t29`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t2`,
            MIN(IF(`t29`.`_f_v2`, `t29`.`_f_a2`, NULL)) AS `_f_s2`
          FROM (
            SELECT
              `t28`.`unit`,
              `t28`.`ts`,
              `t28`.`_f_pos`,
              `t28`.`_f_entry`,
              `t28`.`_f_step`,
              `t28`.`_f_a0`,
              `t28`.`_f_a1`,
              `t28`.`_f_a2`,
              `t28`.`_f_a0` IS NOT NULL AS `_f_v0`,
              `t28`.`_f_a1` IS NOT NULL AS `_f_v1`,
              `t28`.`_f_a2` IS NOT NULL AS `_f_v2`
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  `t26`.`unit`,
                  CAST(`t26`.`ts` AS TIMESTAMP) AS `ts`,
                  `t26`.`_f_pos`,
                  0 AS `_f_entry`,
                  'order' AS `_f_step`,
                  CAST(NULL AS TIMESTAMP) AS `_f_a0`,
                  CAST(NULL AS TIMESTAMP) AS `_f_a1`,
                  `t26`.`_f_v` AS `_f_a2`
                FROM (
                  SELECT
                    `t25`.`unit`,
                    `t25`.`_f_v`,
                    MIN(`t25`.`_f_pos`) AS `_f_pos`,
                    MIN(`t25`.`ts`) AS `ts`
                  FROM (
                    SELECT
                      `t24`.`unit`,
                      `t24`.`_f_pos`,
                      MAX(`t24`.`_f_w`) AS `_f_v`,
                      MAX(`t24`.`ts`) AS `ts`
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t11`.`unit`,
                          `t11`.`ts`,
                          `t11`.`_f_k`,
                          `t11`.`_f_pos`,
                          `t20`.`_f_w`,
                          `t20`.`_f_p`
                        FROM (
                          SELECT
                            *
                          FROM `t4` AS `t5`
                          WHERE
                            `t5`.`_f_k` = 2
                        ) AS `t11`
                        INNER JOIN (
                          SELECT
                            `t18`.`unit`,
                            `t18`.`_f_v` AS `_f_w`,
                            `t18`.`_f_pos` AS `_f_p`
                          FROM `t17` AS `t18`
                        ) AS `t20`
                          ON `t11`.`unit` = `t20`.`unit`
                      ) AS `t23`
                      WHERE
                        `t23`.`_f_p` < `t23`.`_f_pos`
                    ) AS `t24`
                    GROUP BY
                      1,
                      2
                  ) AS `t25`
                  GROUP BY
                    1,
                    2
                ) AS `t26`
              ) AS `t27`
              UNION ALL
              SELECT
                *
              FROM (
                SELECT
                  *
                FROM (
                  SELECT
                    `t5`.`unit`,
                    `t5`.`ts`,
                    `t5`.`_f_pos`,
                    0 AS `_f_entry`,
                    CASE
                      WHEN `t5`.`_f_k` = 0
                      THEN 'ad'
                      WHEN `t5`.`_f_k` = 1
                      THEN 'product'
                      WHEN `t5`.`_f_k` = 2
                      THEN 'order'
                      ELSE NULL
                    END AS `_f_step`,
                    IF(`t5`.`_f_k` = 0, `t5`.`ts`, CAST(NULL AS TIMESTAMP)) AS `_f_a0`,
                    CAST(NULL AS TIMESTAMP) AS `_f_a1`,
                    CAST(NULL AS TIMESTAMP) AS `_f_a2`
                  FROM `t4` AS `t5`
                  WHERE
                    `t5`.`_f_k` = 0
                ) AS `t10`
                UNION ALL
                SELECT
                  *
                FROM (
                  SELECT
                    `t18`.`unit`,
                    CAST(`t18`.`ts` AS TIMESTAMP) AS `ts`,
                    `t18`.`_f_pos`,
                    0 AS `_f_entry`,
                    'product' AS `_f_step`,
                    CAST(NULL AS TIMESTAMP) AS `_f_a0`,
                    `t18`.`_f_v` AS `_f_a1`,
                    CAST(NULL AS TIMESTAMP) AS `_f_a2`
                  FROM `t17` AS `t18`
                ) AS `t21`
              ) AS `t22`
            ) AS `t28`
          ) AS `t29`
          GROUP BY
            1
        ) AS `t30`
        WHERE
          `t30`.`_f_t0` IS NOT NULL
          AND CASE
            WHEN `t30`.`_f_t2` IS NOT NULL
            THEN 3
            WHEN `t30`.`_f_t1` IS NOT NULL
            THEN 2
            WHEN `t30`.`_f_t0` IS NOT NULL
            THEN 1
            ELSE CAST(NULL AS BIGINT)
          END = 3
      ) AS `t32`
      INNER JOIN (
        SELECT
          *
        FROM `journey_events` AS `t0`
        WHERE
          `t0`.`label` = 'order'
      ) AS `t2`
        ON `t32`.`unit` = `t2`.`unit`
    ) AS `t33`
    WHERE
      `t33`.`ts` >= `t33`.`completed`
  ) AS `t35`
    ON `t32`.`unit` = `t35`.`_unit`
) AS `t36`
