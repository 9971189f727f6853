WITH `t3` AS (
  SELECT
    `t2`.`unit`,
    `t2`.`ts`,
    `t2`.`_f_entry`,
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
    MIN(`t17`.`ts`) AS `ts`,
    MIN(`t17`.`_f_entry`) AS `_f_entry`
  FROM (
    SELECT
      `t16`.`unit`,
      `t16`.`_f_pos`,
      MAX(`t16`.`_f_w`) AS `_f_v`,
      MAX(`t16`.`ts`) AS `ts`,
      MAX(`t16`.`_f_entry`) AS `_f_entry`,
      MAX(`t16`.`_f_x0`) AS `_f_x0`
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t9`.`unit`,
          `t9`.`ts`,
          `t9`.`_f_entry`,
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
              `t4`.`_f_k` IS NOT NULL AND `t4`.`_f_k` = 0 AND `t4`.`_f_entry` = 0
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
), `t28` AS (
  SELECT
    `t27`.`unit`,
    `t27`.`_f_x0`,
    `t27`.`_f_v`,
    MIN(`t27`.`_f_pos`) AS `_f_pos`,
    MIN(`t27`.`ts`) AS `ts`,
    MIN(`t27`.`_f_entry`) AS `_f_entry`
  FROM (
    SELECT
      `t26`.`unit`,
      `t26`.`_f_pos`,
      MAX(`t26`.`_f_w`) AS `_f_v`,
      MAX(`t26`.`ts`) AS `ts`,
      MAX(`t26`.`_f_entry`) AS `_f_entry`,
      MAX(`t26`.`_f_x0`) AS `_f_x0`
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t10`.`unit`,
          `t10`.`ts`,
          `t10`.`_f_entry`,
          `t10`.`_f_k`,
          `t10`.`_f_pos`,
          `t10`.`_f_x0`,
          `t24`.`_f_w`,
          `t24`.`_f_p`
        FROM (
          SELECT
            *
          FROM `t3` AS `t4`
          WHERE
            `t4`.`_f_k` IS NOT NULL AND `t4`.`_f_k` = 2
        ) AS `t10`
        INNER JOIN (
          SELECT
            `t20`.`unit`,
            `t20`.`_f_x0`,
            `t20`.`_f_v` AS `_f_w`,
            MIN(`t20`.`_f_pos`) AS `_f_p`
          FROM (
            SELECT
              `t19`.`unit`,
              `t19`.`_f_x0`,
              `t19`.`_f_pos`,
              `t19`.`_f_v`
            FROM `t18` AS `t19`
          ) AS `t20`
          GROUP BY
            1,
            2,
            3
        ) AS `t24`
          ON `t10`.`unit` = `t24`.`unit` AND `t10`.`_f_x0` = `t24`.`_f_x0`
      ) AS `t25`
      WHERE
        `t25`.`_f_p` < `t25`.`_f_pos`
    ) AS `t26`
    GROUP BY
      1,
      2
  ) AS `t27`
  GROUP BY
    1,
    2,
    3
), `t41` AS (
  SELECT
    `t40`.`unit`,
    `t40`.`ts`,
    `t40`.`_f_entry`,
    `t40`.`_f_step`,
    `t40`.`_f_a0`,
    `t40`.`_f_a1`,
    `t40`.`_f_a2`,
    `t40`.`_f_a3`,
    `t40`.`_f_a0` IS NOT NULL AS `_f_v0`,
    `t40`.`_f_a1` IS NOT NULL AS `_f_v1`,
    `t40`.`_f_a2` IS NOT NULL AS `_f_v2`,
    `t40`.`_f_a3` IS NOT NULL AS `_f_v3`
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
          `t4`.`_f_entry`,
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
          IF(
            (
              `t4`.`_f_k` = 0
            ) AND (
              `t4`.`_f_entry` = 0
            ),
            `t4`.`ts`,
            CAST(NULL AS TIMESTAMP)
          ) AS `_f_a0`,
          CAST(NULL AS TIMESTAMP) AS `_f_a1`,
          CAST(NULL AS TIMESTAMP) AS `_f_a2`,
          CAST(NULL AS TIMESTAMP) AS `_f_a3`
        FROM `t3` AS `t4`
        WHERE
          `t4`.`_f_k` IS NOT NULL AND `t4`.`_f_k` = 0 AND `t4`.`_f_entry` = 0
      ) AS `t12`
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          `t19`.`unit`,
          CAST(`t19`.`ts` AS TIMESTAMP) AS `ts`,
          `t19`.`_f_entry`,
          'add_to_cart' AS `_f_step`,
          CAST(NULL AS TIMESTAMP) AS `_f_a0`,
          `t19`.`_f_v` AS `_f_a1`,
          CAST(NULL AS TIMESTAMP) AS `_f_a2`,
          CAST(NULL AS TIMESTAMP) AS `_f_a3`
        FROM `t18` AS `t19`
      ) AS `t21`
    ) AS `t22`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t29`.`unit`,
          CAST(`t29`.`ts` AS TIMESTAMP) AS `ts`,
          `t29`.`_f_entry`,
          'checkout_started' AS `_f_step`,
          CAST(NULL AS TIMESTAMP) AS `_f_a0`,
          CAST(NULL AS TIMESTAMP) AS `_f_a1`,
          `t29`.`_f_v` AS `_f_a2`,
          CAST(NULL AS TIMESTAMP) AS `_f_a3`
        FROM `t28` AS `t29`
      ) AS `t31`
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          `t37`.`unit`,
          CAST(`t37`.`ts` AS TIMESTAMP) AS `ts`,
          `t37`.`_f_entry`,
          'order_completed' AS `_f_step`,
          CAST(NULL AS TIMESTAMP) AS `_f_a0`,
          CAST(NULL AS TIMESTAMP) AS `_f_a1`,
          CAST(NULL AS TIMESTAMP) AS `_f_a2`,
          `t37`.`_f_v` AS `_f_a3`
        FROM (
          SELECT
            `t36`.`unit`,
            `t36`.`_f_x0`,
            `t36`.`_f_v`,
            MIN(`t36`.`_f_pos`) AS `_f_pos`,
            MIN(`t36`.`ts`) AS `ts`,
            MIN(`t36`.`_f_entry`) AS `_f_entry`
          FROM (
            SELECT
              `t35`.`unit`,
              `t35`.`_f_pos`,
              MAX(`t35`.`_f_w`) AS `_f_v`,
              MAX(`t35`.`ts`) AS `ts`,
              MAX(`t35`.`_f_entry`) AS `_f_entry`,
              MAX(`t35`.`_f_x0`) AS `_f_x0`
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  `t11`.`unit`,
                  `t11`.`ts`,
                  `t11`.`_f_entry`,
                  `t11`.`_f_k`,
                  `t11`.`_f_pos`,
                  `t11`.`_f_x0`,
                  `t33`.`_f_w`,
                  `t33`.`_f_p`
                FROM (
                  SELECT
                    *
                  FROM `t3` AS `t4`
                  WHERE
                    `t4`.`_f_k` IS NOT NULL AND `t4`.`_f_k` = 3
                ) AS `t11`
                INNER JOIN (
                  SELECT
                    `t30`.`unit`,
                    `t30`.`_f_v` AS `_f_w`,
                    MIN(`t30`.`_f_pos`) AS `_f_p`
                  FROM (
                    SELECT
                      `t29`.`unit`,
                      `t29`.`_f_x0`,
                      `t29`.`_f_pos`,
                      `t29`.`_f_v`
                    FROM `t28` AS `t29`
                  ) AS `t30`
                  GROUP BY
                    1,
                    2
                ) AS `t33`
                  ON `t11`.`unit` = `t33`.`unit`
              ) AS `t34`
              WHERE
                `t34`.`_f_p` < `t34`.`_f_pos`
            ) AS `t35`
            GROUP BY
              1,
              2
          ) AS `t36`
          GROUP BY
            1,
            2,
            3
        ) AS `t37`
      ) AS `t38`
    ) AS `t39`
  ) AS `t40`
)
SELECT
  `t48`.`unit`,
  `t48`.`_f_entry` + 1 AS `entry`,
  CASE
    WHEN `t48`.`_f_t3` IS NOT NULL
    THEN 4
    WHEN `t48`.`_f_t2` IS NOT NULL
    THEN 3
    WHEN `t48`.`_f_t1` IS NOT NULL
    THEN 2
    WHEN `t48`.`_f_t0` IS NOT NULL
    THEN 1
    ELSE CAST(NULL AS BIGINT)
  END AS `reached`,
  `t48`.`_f_t0` AS `step_1_ts`,
  `t48`.`_f_t1` AS `step_2_ts`,
  `t48`.`_f_t2` AS `step_3_ts`,
  `t48`.`_f_t3` AS `step_4_ts`,
  IF(
    `t48`.`_f_entry` < 0,
    CAST(DATEDIFF(MICROSECOND, `t48`.`_f_s0`, `t48`.`_f_t0`) AS DOUBLE) / 1000000,
    CAST(NULL AS DOUBLE)
  ) AS `step_1_seconds`,
  IF(
    `t48`.`_f_entry` < 1,
    CAST(DATEDIFF(MICROSECOND, `t48`.`_f_s1`, `t48`.`_f_t1`) AS DOUBLE) / 1000000,
    CAST(NULL AS DOUBLE)
  ) AS `step_2_seconds`,
  IF(
    `t48`.`_f_entry` < 2,
    CAST(DATEDIFF(MICROSECOND, `t48`.`_f_s2`, `t48`.`_f_t2`) AS DOUBLE) / 1000000,
    CAST(NULL AS DOUBLE)
  ) AS `step_3_seconds`,
  IF(
    `t48`.`_f_entry` < 3,
    CAST(DATEDIFF(MICROSECOND, `t48`.`_f_s3`, `t48`.`_f_t3`) AS DOUBLE) / 1000000,
    CAST(NULL AS DOUBLE)
  ) AS `step_4_seconds`
FROM (
  SELECT
    `t47`.`unit`,
    MAX(`t47`.`_f_entry`) AS `_f_entry`,
    MAX(`t47`.`_f_t0`) AS `_f_t0`,
    MAX(
      IF(
        `t47`.`_f_v0` AND (
          `t47`.`ts` = `t47`.`_f_t0`
        ),
        `t47`.`_f_a0`,
        CAST(NULL AS TIMESTAMP)
      )
    ) AS `_f_s0`,
    MAX(`t47`.`_f_t1`) AS `_f_t1`,
    MAX(
      IF(
        `t47`.`_f_v1` AND (
          `t47`.`ts` = `t47`.`_f_t1`
        ),
        `t47`.`_f_a1`,
        CAST(NULL AS TIMESTAMP)
      )
    ) AS `_f_s1`,
    MAX(`t47`.`_f_t2`) AS `_f_t2`,
    MAX(
      IF(
        `t47`.`_f_v2` AND (
          `t47`.`ts` = `t47`.`_f_t2`
        ),
        `t47`.`_f_a2`,
        CAST(NULL AS TIMESTAMP)
      )
    ) AS `_f_s2`,
    MAX(`t47`.`_f_t3`) AS `_f_t3`,
    MAX(
      IF(
        `t47`.`_f_v3` AND (
          `t47`.`ts` = `t47`.`_f_t3`
        ),
        `t47`.`_f_a3`,
        CAST(NULL AS TIMESTAMP)
      )
    ) AS `_f_s3`
  FROM (
    SELECT
      `t46`.`unit`,
      `t46`.`ts`,
      `t46`.`_f_entry`,
      `t46`.`_f_step`,
      `t46`.`_f_a0`,
      `t46`.`_f_a1`,
      `t46`.`_f_a2`,
      `t46`.`_f_a3`,
      `t46`.`_f_v0`,
      `t46`.`_f_v1`,
      `t46`.`_f_v2`,
      `t46`.`_f_v3`,
      `t46`.`_f_t0`,
      `t46`.`_f_t1`,
      `t46`.`_f_t2`,
      `t46`.`_f_t3`
    FROM (
      SELECT
        `t43`.`unit`,
        `t43`.`ts`,
        `t43`.`_f_entry`,
        `t43`.`_f_step`,
        `t43`.`_f_a0`,
        `t43`.`_f_a1`,
        `t43`.`_f_a2`,
        `t43`.`_f_a3`,
        `t43`.`_f_v0`,
        `t43`.`_f_v1`,
        `t43`.`_f_v2`,
        `t43`.`_f_v3`,
        `t45`.`_f_unit`,
        `t45`.`_f_t0`,
        `t45`.`_f_t1`,
        `t45`.`_f_t2`,
        `t45`.`_f_t3`
      FROM `t41` AS `t43`
      INNER JOIN (
        SELECT
          `t42`.`unit` AS `_f_unit`,
          MIN(IF(`t42`.`_f_v0`, `t42`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t0`,
          MIN(IF(`t42`.`_f_v1`, `t42`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t1`,
          MIN(IF(`t42`.`_f_v2`, `t42`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t2`,
          MIN(IF(`t42`.`_f_v3`, `t42`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t3`
        FROM `t41` AS `t42`
        GROUP BY
          1
      ) AS `t45`
        ON `t43`.`unit` = `t45`.`_f_unit`
    ) AS `t46`
  ) AS `t47`
  GROUP BY
    1
) AS `t48`
WHERE
  `t48`.`_f_t0` IS NOT NULL
