WITH `t2` AS (
  SELECT
    `t1`.`unit`,
    `t1`.`ts`,
    `t1`.`_f_k`,
    ROW_NUMBER() OVER (
      PARTITION BY `t1`.`unit`
      ORDER BY `t1`.`ts` ASC NULLS LAST, `t1`.`seq` ASC NULLS LAST, `t1`.`label` ASC NULLS LAST
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
        WHEN `t0`.`label` = 'product_view'
        THEN 0
        WHEN `t0`.`label` = 'add_to_cart'
        THEN 1
        WHEN `t0`.`label` = 'checkout_started'
        THEN 2
        WHEN `t0`.`label` = 'order_completed'
        THEN 3
        ELSE NULL
      END AS `_f_k`
    FROM `journey_events` AS `t0`
    WHERE
      `t0`.`unit` IS NOT NULL
      AND `t0`.`label` IN ('add_to_cart', 'checkout_started', 'order_completed', 'product_view')
  ) AS `t1`
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
          `t8`.`unit`,
          `t8`.`ts`,
          `t8`.`_f_k`,
          `t8`.`_f_pos`,
          `t13`.`_f_w`,
          `t13`.`_f_p`
        FROM (
          SELECT
            *
          FROM `t2` AS `t3`
          WHERE
            `t3`.`_f_k` = 1
        ) AS `t8`
        INNER JOIN (
          SELECT
            `t4`.`unit`,
            `t4`.`_f_v` AS `_f_w`,
            MIN(`t4`.`_f_pos`) AS `_f_p`
          FROM (
            SELECT
              `t3`.`unit`,
              `t3`.`_f_pos`,
              `t3`.`ts` AS `_f_v`
            FROM `t2` AS `t3`
            WHERE
              `t3`.`_f_k` = 0
          ) AS `t4`
          GROUP BY
            1,
            2
        ) AS `t13`
          ON `t8`.`unit` = `t13`.`unit`
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
), `t26` AS (
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
          `t9`.`unit`,
          `t9`.`ts`,
          `t9`.`_f_k`,
          `t9`.`_f_pos`,
          `t20`.`_f_w`,
          `t20`.`_f_p`
        FROM (
          SELECT
            *
          FROM `t2` AS `t3`
          WHERE
            `t3`.`_f_k` = 2
        ) AS `t9`
        INNER JOIN (
          SELECT
            `t18`.`unit`,
            `t18`.`_f_v` AS `_f_w`,
            `t18`.`_f_pos` AS `_f_p`
          FROM `t17` AS `t18`
        ) AS `t20`
          ON `t9`.`unit` = `t20`.`unit`
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
)
SELECT
  CAST(CAST('1970-01-05T00:00:00' AS TIMESTAMP) AS TIMESTAMP) + CAST(CONCAT(`t41`.`_k` * 604800, ' seconds') AS INTERVAL) AS `period`,
  `t41`.`entered`,
  `t41`.`step_4_count` AS `converted`,
  `t41`.`step_4_count` / `t41`.`entered` AS `conversion`,
  `t41`.`step_1_count`,
  `t41`.`step_2_count`,
  `t41`.`step_3_count`,
  `t41`.`step_4_count`
FROM (
  SELECT
    `t40`.`_k`,
    COUNT(*) AS `entered`,
    SUM(`t40`.`_r1`) AS `step_1_count`,
    SUM(`t40`.`_r2`) AS `step_2_count`,
    SUM(`t40`.`_r3`) AS `step_3_count`,
    SUM(`t40`.`_r4`) AS `step_4_count`
  FROM (
    SELECT
      CAST(FLOOR(
        (
          DATEDIFF(
            MICROSECOND,
            CAST(CAST('1970-01-05T00:00:00' AS TIMESTAMP) AS TIMESTAMP),
            CASE
              WHEN (
                `t39`.`_f_entry` + 1
              ) = 1
              THEN `t39`.`_f_t0`
              WHEN (
                `t39`.`_f_entry` + 1
              ) = 2
              THEN `t39`.`_f_t1`
              WHEN (
                `t39`.`_f_entry` + 1
              ) = 3
              THEN `t39`.`_f_t2`
              WHEN (
                `t39`.`_f_entry` + 1
              ) = 4
              THEN `t39`.`_f_t3`
              ELSE NULL
            END
          )
        ) / (
          604800000000
        )
      ) AS BIGINT) AS `_k`,
      IF(`t39`.`_f_t0` IS NOT NULL, 1, 0) AS `_r1`,
      IF(`t39`.`_f_t1` IS NOT NULL, 1, 0) AS `_r2`,
      IF(`t39`.`_f_t2` IS NOT NULL, 1, 0) AS `_r3`,
      IF(`t39`.`_f_t3` IS NOT NULL, 1, 0) AS `_r4`
    FROM (
      SELECT
        `t38`.`unit`,
        MAX(`t38`.`_f_entry`) AS `_f_entry`,
        MIN(IF(`t38`.`_f_v0`, `t38`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t0`,
        MIN(IF(`t38`.`_f_v0`, `t38`.`_f_a0`, NULL)) AS `_f_s0`,
        MIN(IF(`t38`.`_f_v1`, `t38`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t1`,
        MIN(IF(`t38`.`_f_v1`, `t38`.`_f_a1`, NULL)) AS `_f_s1`,
        MIN(IF(`t38`.`_f_v2`, `t38`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t2`,
        MIN(IF(`t38`.`_f_v2`, `t38`.`_f_a2`, NULL)) AS `_f_s2`,
        MIN(IF(`t38`.`_f_v3`, `t38`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t3`,
        MIN(IF(`t38`.`_f_v3`, `t38`.`_f_a3`, NULL)) AS `_f_s3`
      FROM (
        SELECT
          `t37`.`unit`,
          `t37`.`ts`,
          `t37`.`_f_pos`,
          `t37`.`_f_entry`,
          `t37`.`_f_step`,
          `t37`.`_f_a0`,
          `t37`.`_f_a1`,
          `t37`.`_f_a2`,
          `t37`.`_f_a3`,
          (
            `t37`.`_f_a0` IS NOT NULL
          )
          AND (
            DATEDIFF(MICROSECOND, `t37`.`_f_a0`, `t37`.`ts`) <= 86400000000
          ) AS `_f_v0`,
          (
            `t37`.`_f_a1` IS NOT NULL
          )
          AND (
            DATEDIFF(MICROSECOND, `t37`.`_f_a1`, `t37`.`ts`) <= 86400000000
          ) AS `_f_v1`,
          (
            `t37`.`_f_a2` IS NOT NULL
          )
          AND (
            DATEDIFF(MICROSECOND, `t37`.`_f_a2`, `t37`.`ts`) <= 86400000000
          ) AS `_f_v2`,
          (
            `t37`.`_f_a3` IS NOT NULL
          )
          AND (
            DATEDIFF(MICROSECOND, `t37`.`_f_a3`, `t37`.`ts`) <= 86400000000
          ) AS `_f_v3`
        FROM (
          SELECT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                `t3`.`unit`,
                `t3`.`ts`,
                `t3`.`_f_pos`,
                0 AS `_f_entry`,
                CASE
                  WHEN `t3`.`_f_k` = 0
                  THEN 'product_view'
                  WHEN `t3`.`_f_k` = 1
                  THEN 'add_to_cart'
                  WHEN `t3`.`_f_k` = 2
                  THEN 'checkout_started'
                  WHEN `t3`.`_f_k` = 3
                  THEN 'order_completed'
                  ELSE NULL
                END AS `_f_step`,
                IF(`t3`.`_f_k` = 0, `t3`.`ts`, CAST(NULL AS TIMESTAMP)) AS `_f_a0`,
                CAST(NULL AS TIMESTAMP) AS `_f_a1`,
                CAST(NULL AS TIMESTAMP) AS `_f_a2`,
                CAST(NULL AS TIMESTAMP) AS `_f_a3`
              FROM `t2` AS `t3`
              WHERE
                `t3`.`_f_k` = 0
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
                'add_to_cart' AS `_f_step`,
                CAST(NULL AS TIMESTAMP) AS `_f_a0`,
                `t18`.`_f_v` AS `_f_a1`,
                CAST(NULL AS TIMESTAMP) AS `_f_a2`,
                CAST(NULL AS TIMESTAMP) AS `_f_a3`
              FROM `t17` AS `t18`
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
                `t27`.`unit`,
                CAST(`t27`.`ts` AS TIMESTAMP) AS `ts`,
                `t27`.`_f_pos`,
                0 AS `_f_entry`,
                'checkout_started' AS `_f_step`,
                CAST(NULL AS TIMESTAMP) AS `_f_a0`,
                CAST(NULL AS TIMESTAMP) AS `_f_a1`,
                `t27`.`_f_v` AS `_f_a2`,
                CAST(NULL AS TIMESTAMP) AS `_f_a3`
              FROM `t26` AS `t27`
            ) AS `t30`
            UNION ALL
            SELECT
              *
            FROM (
              SELECT
                `t34`.`unit`,
                CAST(`t34`.`ts` AS TIMESTAMP) AS `ts`,
                `t34`.`_f_pos`,
                0 AS `_f_entry`,
                'order_completed' AS `_f_step`,
                CAST(NULL AS TIMESTAMP) AS `_f_a0`,
                CAST(NULL AS TIMESTAMP) AS `_f_a1`,
                CAST(NULL AS TIMESTAMP) AS `_f_a2`,
                `t34`.`_f_v` AS `_f_a3`
              FROM (
                SELECT
                  `t33`.`unit`,
                  `t33`.`_f_v`,
                  MIN(`t33`.`_f_pos`) AS `_f_pos`,
                  MIN(`t33`.`ts`) AS `ts`
                FROM (
                  SELECT
                    `t32`.`unit`,
                    `t32`.`_f_pos`,
                    MAX(`t32`.`_f_w`) AS `_f_v`,
                    MAX(`t32`.`ts`) AS `ts`
                  FROM (
                    SELECT
                      *
                    FROM (
                      SELECT
                        `t11`.`unit`,
                        `t11`.`ts`,
                        `t11`.`_f_k`,
                        `t11`.`_f_pos`,
                        `t29`.`_f_w`,
                        `t29`.`_f_p`
                      FROM (
                        SELECT
                          *
                        FROM `t2` AS `t3`
                        WHERE
                          `t3`.`_f_k` = 3
                      ) AS `t11`
                      INNER JOIN (
                        SELECT
                          `t27`.`unit`,
                          `t27`.`_f_v` AS `_f_w`,
                          `t27`.`_f_pos` AS `_f_p`
                        FROM `t26` AS `t27`
                      ) AS `t29`
                        ON `t11`.`unit` = `t29`.`unit`
                    ) AS `t31`
                    WHERE
                      `t31`.`_f_p` < `t31`.`_f_pos`
                  ) AS `t32`
                  GROUP BY
                    1,
                    2
                ) AS `t33`
                GROUP BY
                  1,
                  2
              ) AS `t34`
            ) AS `t35`
          ) AS `t36`
        ) AS `t37`
      ) AS `t38`
      GROUP BY
        1
    ) AS `t39`
    WHERE
      `t39`.`_f_t0` IS NOT NULL
  ) AS `t40`
  GROUP BY
    1
) AS `t41`
