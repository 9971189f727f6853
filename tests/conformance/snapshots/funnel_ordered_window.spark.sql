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
), `t39` AS (
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
), `t47` AS (
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        1 AS `step`,
        'product_view' AS `name`,
        CAST(`t40`.`_f_t0` IS NOT NULL AS BIGINT) AS `_f_hit`,
        CAST(`t40`.`_f_t0` IS NOT NULL AS BIGINT) AS `_f_prev`,
        CAST(`t40`.`_f_t0` IS NOT NULL AS BIGINT) AS `_f_first`,
        IF(
          `t40`.`_f_entry` < 0,
          CAST(DATEDIFF(MICROSECOND, `t40`.`_f_s0`, `t40`.`_f_t0`) AS DOUBLE) / 1000000,
          CAST(NULL AS DOUBLE)
        ) AS `_f_d`
      FROM `t39` AS `t40`
      WHERE
        `t40`.`_f_t0` IS NOT NULL
    ) AS `t41`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        2 AS `step`,
        'add_to_cart' AS `name`,
        CAST(`t40`.`_f_t1` IS NOT NULL AS BIGINT) AS `_f_hit`,
        CAST(`t40`.`_f_t0` IS NOT NULL AS BIGINT) AS `_f_prev`,
        CAST(`t40`.`_f_t0` IS NOT NULL AS BIGINT) AS `_f_first`,
        IF(
          `t40`.`_f_entry` < 1,
          CAST(DATEDIFF(MICROSECOND, `t40`.`_f_s1`, `t40`.`_f_t1`) AS DOUBLE) / 1000000,
          CAST(NULL AS DOUBLE)
        ) AS `_f_d`
      FROM `t39` AS `t40`
      WHERE
        `t40`.`_f_t0` IS NOT NULL
    ) AS `t42`
  ) AS `t45`
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        3 AS `step`,
        'checkout_started' AS `name`,
        CAST(`t40`.`_f_t2` IS NOT NULL AS BIGINT) AS `_f_hit`,
        CAST(`t40`.`_f_t1` IS NOT NULL AS BIGINT) AS `_f_prev`,
        CAST(`t40`.`_f_t0` IS NOT NULL AS BIGINT) AS `_f_first`,
        IF(
          `t40`.`_f_entry` < 2,
          CAST(DATEDIFF(MICROSECOND, `t40`.`_f_s2`, `t40`.`_f_t2`) AS DOUBLE) / 1000000,
          CAST(NULL AS DOUBLE)
        ) AS `_f_d`
      FROM `t39` AS `t40`
      WHERE
        `t40`.`_f_t0` IS NOT NULL
    ) AS `t43`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        4 AS `step`,
        'order_completed' AS `name`,
        CAST(`t40`.`_f_t3` IS NOT NULL AS BIGINT) AS `_f_hit`,
        CAST(`t40`.`_f_t2` IS NOT NULL AS BIGINT) AS `_f_prev`,
        CAST(`t40`.`_f_t0` IS NOT NULL AS BIGINT) AS `_f_first`,
        IF(
          `t40`.`_f_entry` < 3,
          CAST(DATEDIFF(MICROSECOND, `t40`.`_f_s3`, `t40`.`_f_t3`) AS DOUBLE) / 1000000,
          CAST(NULL AS DOUBLE)
        ) AS `_f_d`
      FROM `t39` AS `t40`
      WHERE
        `t40`.`_f_t0` IS NOT NULL
    ) AS `t44`
  ) AS `t46`
)
SELECT
  `t56`.`step`,
  `t56`.`name`,
  `t56`.`count`,
  `t56`.`count` / NULLIF(`t56`.`_f_first`, 0) AS `conversion`,
  IF(`t56`.`step` = 1, 1.0, `t56`.`count` / NULLIF(`t56`.`_f_prev`, 0)) AS `step_conversion`,
  `t56`.`_f_prev` - `t56`.`count` AS `drop_off`,
  IF(
    `t56`.`step` = 1,
    0.0,
    (
      `t56`.`_f_prev` - `t56`.`count`
    ) / NULLIF(`t56`.`_f_prev`, 0)
  ) AS `drop_off_rate`,
  `t56`.`median_seconds`,
  `t56`.`p90_seconds`
FROM (
  SELECT
    `t55`.`step`,
    `t55`.`name`,
    SUM(`t55`.`count`) AS `count`,
    SUM(`t55`.`_f_prev`) AS `_f_prev`,
    SUM(`t55`.`_f_first`) AS `_f_first`,
    MAX(`t55`.`median_seconds`) AS `median_seconds`,
    MAX(`t55`.`p90_seconds`) AS `p90_seconds`
  FROM (
    SELECT
      *
    FROM (
      SELECT
        `t48`.`step`,
        `t48`.`name`,
        SUM(`t48`.`_f_hit`) AS `count`,
        SUM(`t48`.`_f_prev`) AS `_f_prev`,
        SUM(`t48`.`_f_first`) AS `_f_first`,
        CAST(NULL AS DOUBLE) AS `median_seconds`,
        CAST(NULL AS DOUBLE) AS `p90_seconds`
      FROM `t47` AS `t48`
      GROUP BY
        1,
        2
    ) AS `t49`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t52`.`step`,
          `t52`.`name`,
          0 AS `count`,
          0 AS `_f_prev`,
          0 AS `_f_first`,
          MAX(
            IF(
              (
                (
                  (
                    `t52`.`_f_through` - `t52`.`_f_k`
                  ) * 2
                ) < `t52`.`_f_n`
              )
              AND (
                `t52`.`_f_n` <= (
                  `t52`.`_f_through` * 2
                )
              ),
              `t52`.`_f_d`,
              CAST(NULL AS DOUBLE)
            )
          ) AS `median_seconds`,
          MAX(
            IF(
              (
                (
                  (
                    `t52`.`_f_through` - `t52`.`_f_k`
                  ) * 10
                ) < (
                  `t52`.`_f_n` * 9
                )
              )
              AND (
                (
                  `t52`.`_f_n` * 9
                ) <= (
                  `t52`.`_f_through` * 10
                )
              ),
              `t52`.`_f_d`,
              CAST(NULL AS DOUBLE)
            )
          ) AS `p90_seconds`
        FROM (
          SELECT
            `t51`.`step`,
            `t51`.`name`,
            `t51`.`_f_d`,
            `t51`.`_f_k`,
            SUM(`t51`.`_f_k`) OVER (
              PARTITION BY `t51`.`step`, `t51`.`name`
              ORDER BY `t51`.`_f_d` ASC NULLS LAST
              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
            ) AS `_f_through`,
            SUM(`t51`.`_f_k`) OVER (
              PARTITION BY `t51`.`step`, `t51`.`name`
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) AS `_f_n`
          FROM (
            SELECT
              `t50`.`step`,
              `t50`.`name`,
              `t50`.`_f_d`,
              COUNT(*) AS `_f_k`
            FROM (
              SELECT
                *
              FROM `t47` AS `t48`
              WHERE
                `t48`.`_f_d` IS NOT NULL AND NOT ISNAN(`t48`.`_f_d`)
            ) AS `t50`
            GROUP BY
              1,
              2,
              3
          ) AS `t51`
        ) AS `t52`
        GROUP BY
          1,
          2
      ) AS `t53`
    ) AS `t54`
  ) AS `t55`
  GROUP BY
    1,
    2
) AS `t56`
ORDER BY
  `t56`.`step` ASC NULLS LAST
