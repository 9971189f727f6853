WITH `t3` AS (
  SELECT
    `t2`.`unit`,
    `t2`.`ts`,
    `t2`.`_f_k`,
    ROW_NUMBER() OVER (
      PARTITION BY `t2`.`unit`
      ORDER BY `t2`.`ts` ASC NULLS LAST, `t2`.`seq` ASC NULLS LAST, `t2`.`label` ASC NULLS LAST
    ) - 1 AS `_f_pos`,
    SUM(IF(`t2`.`_f_l` = 0, 1, 0)) OVER (
      PARTITION BY `t2`.`unit`
      ORDER BY `t2`.`ts` ASC NULLS LAST, `t2`.`seq` ASC NULLS LAST, `t2`.`label` ASC NULLS LAST
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS `_f_x0`
  FROM (
    SELECT
      `t1`.`unit`,
      `t1`.`ts`,
      `t1`.`seq`,
      `t1`.`label`,
      `t1`.`_f_step`,
      `t1`.`_f_entry`,
      CASE
        WHEN `t1`.`_f_step` = 'product_view'
        THEN 0
        WHEN `t1`.`_f_step` = 'add_to_cart'
        THEN 1
        WHEN `t1`.`_f_step` = 'checkout_started'
        THEN 2
        WHEN `t1`.`_f_step` = 'order_completed'
        THEN 3
        ELSE NULL
      END AS `_f_k`,
      CASE WHEN `t1`.`label` = 'support_chat' THEN 0 ELSE NULL END AS `_f_l`
    FROM (
      SELECT
        `t0`.`unit`,
        `t0`.`ts`,
        `t0`.`seq`,
        `t0`.`label`,
        IF(
          `t0`.`label` IN ('product_view', 'add_to_cart', 'checkout_started', 'order_completed'),
          `t0`.`label`,
          CAST(NULL AS STRING)
        ) AS `_f_step`,
        0 AS `_f_entry`
      FROM `journey_events` AS `t0`
      WHERE
        `t0`.`unit` IS NOT NULL
        AND `t0`.`label` IN (
          'add_to_cart',
          'checkout_started',
          'order_completed',
          'product_view',
          'support_chat'
        )
    ) AS `t1`
  ) AS `t2`
), `t18` AS (
  SELECT
    `t17`.`unit`,
    `t17`.`_f_x0`,
    `t17`.`_f_v`,
    MIN(`t17`.`_f_pos`) AS `_f_pos`,
    MIN(`t17`.`ts`) AS `ts`
  FROM (
    SELECT
      `t16`.`unit`,
      `t16`.`_f_pos`,
      MAX(`t16`.`_f_w`) AS `_f_v`,
      MAX(`t16`.`ts`) AS `ts`,
      MAX(`t16`.`_f_x0`) AS `_f_x0`
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t9`.`unit`,
          `t9`.`ts`,
          `t9`.`_f_k`,
          `t9`.`_f_pos`,
          `t9`.`_f_x0`,
          `t14`.`_f_w`,
          `t14`.`_f_p`
        FROM (
          SELECT
            *
          FROM `t3` AS `t4`
          WHERE
            `t4`.`_f_k` IS NOT NULL AND `t4`.`_f_k` = 1
        ) AS `t9`
        INNER JOIN (
          SELECT
            `t5`.`unit`,
            `t5`.`_f_v` AS `_f_w`,
            MIN(`t5`.`_f_pos`) AS `_f_p`
          FROM (
            SELECT
              `t4`.`unit`,
              `t4`.`_f_x0`,
              `t4`.`_f_pos`,
              `t4`.`ts` AS `_f_v`
            FROM `t3` AS `t4`
            WHERE
              `t4`.`_f_k` IS NOT NULL AND `t4`.`_f_k` = 0
          ) AS `t5`
          GROUP BY
            1,
            2
        ) AS `t14`
          ON `t9`.`unit` = `t14`.`unit`
      ) AS `t15`
      WHERE
        `t15`.`_f_p` < `t15`.`_f_pos`
    ) AS `t16`
    GROUP BY
      1,
      2
  ) AS `t17`
  GROUP BY
    1,
    2,
    3
), `t27` AS (
  SELECT
    `t26`.`unit`,
    `t26`.`_f_x0`,
    `t26`.`_f_v`,
    MIN(`t26`.`_f_pos`) AS `_f_pos`,
    MIN(`t26`.`ts`) AS `ts`
  FROM (
    SELECT
      `t25`.`unit`,
      `t25`.`_f_pos`,
      MAX(`t25`.`_f_w`) AS `_f_v`,
      MAX(`t25`.`ts`) AS `ts`,
      MAX(`t25`.`_f_x0`) AS `_f_x0`
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t10`.`unit`,
          `t10`.`ts`,
          `t10`.`_f_k`,
          `t10`.`_f_pos`,
          `t10`.`_f_x0`,
          `t22`.`_f_w`,
          `t22`.`_f_p`
        FROM (
          SELECT
            *
          FROM `t3` AS `t4`
          WHERE
            `t4`.`_f_k` IS NOT NULL AND `t4`.`_f_k` = 2
        ) AS `t10`
        INNER JOIN (
          SELECT
            `t19`.`unit`,
            `t19`.`_f_x0`,
            `t19`.`_f_v` AS `_f_w`,
            `t19`.`_f_pos` AS `_f_p`
          FROM `t18` AS `t19`
        ) AS `t22`
          ON `t10`.`unit` = `t22`.`unit` AND `t10`.`_f_x0` = `t22`.`_f_x0`
      ) AS `t24`
      WHERE
        `t24`.`_f_p` < `t24`.`_f_pos`
    ) AS `t25`
    GROUP BY
      1,
      2
  ) AS `t26`
  GROUP BY
    1,
    2,
    3
)
SELECT
  `t41`.`unit`,
  `t41`.`_f_entry` + 1 AS `entry`,
  CASE
    WHEN `t41`.`_f_t3` IS NOT NULL
    THEN 4
    WHEN `t41`.`_f_t2` IS NOT NULL
    THEN 3
    WHEN `t41`.`_f_t1` IS NOT NULL
    THEN 2
    WHEN `t41`.`_f_t0` IS NOT NULL
    THEN 1
    ELSE CAST(NULL AS BIGINT)
  END AS `reached`,
  `t41`.`_f_t0` AS `step_1_ts`,
  `t41`.`_f_t1` AS `step_2_ts`,
  `t41`.`_f_t2` AS `step_3_ts`,
  `t41`.`_f_t3` AS `step_4_ts`,
  IF(
    `t41`.`_f_entry` < 0,
    CAST(DATEDIFF(MICROSECOND, `t41`.`_f_s0`, `t41`.`_f_t0`) AS DOUBLE) / 1000000,
    CAST(NULL AS DOUBLE)
  ) AS `step_1_seconds`,
  IF(
    `t41`.`_f_entry` < 1,
    CAST(DATEDIFF(MICROSECOND, `t41`.`_f_s1`, `t41`.`_f_t1`) AS DOUBLE) / 1000000,
    CAST(NULL AS DOUBLE)
  ) AS `step_2_seconds`,
  IF(
    `t41`.`_f_entry` < 2,
    CAST(DATEDIFF(MICROSECOND, `t41`.`_f_s2`, `t41`.`_f_t2`) AS DOUBLE) / 1000000,
    CAST(NULL AS DOUBLE)
  ) AS `step_3_seconds`,
  IF(
    `t41`.`_f_entry` < 3,
    CAST(DATEDIFF(MICROSECOND, `t41`.`_f_s3`, `t41`.`_f_t3`) AS DOUBLE) / 1000000,
    CAST(NULL AS DOUBLE)
  ) AS `step_4_seconds`
FROM (
  SELECT
    `t40`.`unit`,
    MAX(`t40`.`_f_entry`) AS `_f_entry`,
    MIN(IF(`t40`.`_f_v0`, `t40`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t0`,
    MIN_BY(IF(`t40`.`_f_v0`, `t40`.`_f_a0`, NULL), IF(`t40`.`_f_v0`, `t40`.`_f_pos`, NULL)) AS `_f_s0`,
    MIN(IF(`t40`.`_f_v1`, `t40`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t1`,
    MIN_BY(IF(`t40`.`_f_v1`, `t40`.`_f_a1`, NULL), IF(`t40`.`_f_v1`, `t40`.`_f_pos`, NULL)) AS `_f_s1`,
    MIN(IF(`t40`.`_f_v2`, `t40`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t2`,
    MIN_BY(IF(`t40`.`_f_v2`, `t40`.`_f_a2`, NULL), IF(`t40`.`_f_v2`, `t40`.`_f_pos`, NULL)) AS `_f_s2`,
    MIN(IF(`t40`.`_f_v3`, `t40`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t3`,
    MIN_BY(IF(`t40`.`_f_v3`, `t40`.`_f_a3`, NULL), IF(`t40`.`_f_v3`, `t40`.`_f_pos`, NULL)) AS `_f_s3`
  FROM (
    SELECT
      `t39`.`unit`,
      `t39`.`ts`,
      `t39`.`_f_pos`,
      `t39`.`_f_entry`,
      `t39`.`_f_step`,
      `t39`.`_f_a0`,
      `t39`.`_f_a1`,
      `t39`.`_f_a2`,
      `t39`.`_f_a3`,
      `t39`.`_f_a0` IS NOT NULL AS `_f_v0`,
      `t39`.`_f_a1` IS NOT NULL AS `_f_v1`,
      `t39`.`_f_a2` IS NOT NULL AS `_f_v2`,
      `t39`.`_f_a3` IS NOT NULL AS `_f_v3`
    FROM (
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            `t4`.`unit`,
            `t4`.`ts`,
            `t4`.`_f_pos`,
            0 AS `_f_entry`,
            CASE
              WHEN `t4`.`_f_k` = 0
              THEN 'product_view'
              WHEN `t4`.`_f_k` = 1
              THEN 'add_to_cart'
              WHEN `t4`.`_f_k` = 2
              THEN 'checkout_started'
              WHEN `t4`.`_f_k` = 3
              THEN 'order_completed'
              ELSE NULL
            END AS `_f_step`,
            IF(`t4`.`_f_k` = 0, `t4`.`ts`, CAST(NULL AS TIMESTAMP)) AS `_f_a0`,
            CAST(NULL AS TIMESTAMP) AS `_f_a1`,
            CAST(NULL AS TIMESTAMP) AS `_f_a2`,
            CAST(NULL AS TIMESTAMP) AS `_f_a3`
          FROM `t3` AS `t4`
          WHERE
            `t4`.`_f_k` IS NOT NULL AND `t4`.`_f_k` = 0
        ) AS `t11`
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            `t19`.`unit`,
            CAST(`t19`.`ts` AS TIMESTAMP) AS `ts`,
            `t19`.`_f_pos`,
            0 AS `_f_entry`,
            'add_to_cart' AS `_f_step`,
            CAST(NULL AS TIMESTAMP) AS `_f_a0`,
            `t19`.`_f_v` AS `_f_a1`,
            CAST(NULL AS TIMESTAMP) AS `_f_a2`,
            CAST(NULL AS TIMESTAMP) AS `_f_a3`
          FROM `t18` AS `t19`
        ) AS `t21`
      ) AS `t23`
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            `t28`.`unit`,
            CAST(`t28`.`ts` AS TIMESTAMP) AS `ts`,
            `t28`.`_f_pos`,
            0 AS `_f_entry`,
            'checkout_started' AS `_f_step`,
            CAST(NULL AS TIMESTAMP) AS `_f_a0`,
            CAST(NULL AS TIMESTAMP) AS `_f_a1`,
            `t28`.`_f_v` AS `_f_a2`,
            CAST(NULL AS TIMESTAMP) AS `_f_a3`
          FROM `t27` AS `t28`
        ) AS `t30`
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            `t36`.`unit`,
            CAST(`t36`.`ts` AS TIMESTAMP) AS `ts`,
            `t36`.`_f_pos`,
            0 AS `_f_entry`,
            'order_completed' AS `_f_step`,
            CAST(NULL AS TIMESTAMP) AS `_f_a0`,
            CAST(NULL AS TIMESTAMP) AS `_f_a1`,
            CAST(NULL AS TIMESTAMP) AS `_f_a2`,
            `t36`.`_f_v` AS `_f_a3`
          FROM (
            SELECT
              `t35`.`unit`,
              `t35`.`_f_x0`,
              `t35`.`_f_v`,
              MIN(`t35`.`_f_pos`) AS `_f_pos`,
              MIN(`t35`.`ts`) AS `ts`
            FROM (
              SELECT
                `t34`.`unit`,
                `t34`.`_f_pos`,
                MAX(`t34`.`_f_w`) AS `_f_v`,
                MAX(`t34`.`ts`) AS `ts`,
                MAX(`t34`.`_f_x0`) AS `_f_x0`
              FROM (
                SELECT
                  *
                FROM (
                  SELECT
                    `t12`.`unit`,
                    `t12`.`ts`,
                    `t12`.`_f_k`,
                    `t12`.`_f_pos`,
                    `t12`.`_f_x0`,
                    `t32`.`_f_w`,
                    `t32`.`_f_p`
                  FROM (
                    SELECT
                      *
                    FROM `t3` AS `t4`
                    WHERE
                      `t4`.`_f_k` IS NOT NULL AND `t4`.`_f_k` = 3
                  ) AS `t12`
                  INNER JOIN (
                    SELECT
                      `t29`.`unit`,
                      `t29`.`_f_v` AS `_f_w`,
                      MIN(`t29`.`_f_pos`) AS `_f_p`
                    FROM (
                      SELECT
                        `t28`.`unit`,
                        `t28`.`_f_x0`,
                        `t28`.`_f_pos`,
                        `t28`.`_f_v`
                      FROM `t27` AS `t28`
                    ) AS `t29`
                    GROUP BY
                      1,
                      2
                  ) AS `t32`
                    ON `t12`.`unit` = `t32`.`unit`
                ) AS `t33`
                WHERE
                  `t33`.`_f_p` < `t33`.`_f_pos`
              ) AS `t34`
              GROUP BY
                1,
                2
            ) AS `t35`
            GROUP BY
              1,
              2,
              3
          ) AS `t36`
        ) AS `t37`
      ) AS `t38`
    ) AS `t39`
  ) AS `t40`
  GROUP BY
    1
) AS `t41`
WHERE
  `t41`.`_f_t0` IS NOT NULL
