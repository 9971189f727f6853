WITH `t2` AS (
  SELECT
    `t1`.`unit`,
    `t1`.`ts`,
    `t1`.`_f_entry`,
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
    MIN(`t16`.`ts`) AS `ts`,
    MIN(`t16`.`_f_entry`) AS `_f_entry`
  FROM (
    SELECT
      `t15`.`unit`,
      `t15`.`_f_pos`,
      MAX(`t15`.`_f_w`) AS `_f_v`,
      MAX(`t15`.`ts`) AS `ts`,
      MAX(`t15`.`_f_entry`) AS `_f_entry`
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t8`.`unit`,
          `t8`.`ts`,
          `t8`.`_f_entry`,
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
              `t3`.`_f_k` = 0 AND `t3`.`_f_entry` = 0
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
), `t27` AS (
  SELECT
    `t26`.`unit`,
    `t26`.`_f_v`,
    MIN(`t26`.`_f_pos`) AS `_f_pos`,
    MIN(`t26`.`ts`) AS `ts`,
    MIN(`t26`.`_f_entry`) AS `_f_entry`
  FROM (
    SELECT
      `t25`.`unit`,
      `t25`.`_f_pos`,
      MAX(`t25`.`_f_w`) AS `_f_v`,
      MAX(`t25`.`ts`) AS `ts`,
      MAX(`t25`.`_f_entry`) AS `_f_entry`
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
          `t23`.`_f_w`,
          `t23`.`_f_p`
        FROM (
          SELECT
            *
          FROM `t2` AS `t3`
          WHERE
            `t3`.`_f_k` = 2
        ) AS `t9`
        INNER JOIN (
          SELECT
            `t19`.`unit`,
            `t19`.`_f_v` AS `_f_w`,
            MIN(`t19`.`_f_pos`) AS `_f_p`
          FROM (
            SELECT
              `t18`.`unit`,
              `t18`.`_f_pos`,
              `t18`.`_f_v`
            FROM `t17` AS `t18`
          ) AS `t19`
          GROUP BY
            1,
            2
        ) AS `t23`
          ON `t9`.`unit` = `t23`.`unit`
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
    2
), `t40` AS (
  SELECT
    `t39`.`unit`,
    `t39`.`ts`,
    `t39`.`_f_entry`,
    `t39`.`_f_step`,
    `t39`.`_f_a0`,
    `t39`.`_f_a1`,
    `t39`.`_f_a2`,
    `t39`.`_f_a3`,
    (
      `t39`.`_f_a0` IS NOT NULL
    )
    AND (
      DATEDIFF(MICROSECOND, `t39`.`_f_a0`, `t39`.`ts`) <= 86400000000
    ) AS `_f_v0`,
    (
      `t39`.`_f_a1` IS NOT NULL
    )
    AND (
      DATEDIFF(MICROSECOND, `t39`.`_f_a1`, `t39`.`ts`) <= 86400000000
    ) AS `_f_v1`,
    (
      `t39`.`_f_a2` IS NOT NULL
    )
    AND (
      DATEDIFF(MICROSECOND, `t39`.`_f_a2`, `t39`.`ts`) <= 86400000000
    ) AS `_f_v2`,
    (
      `t39`.`_f_a3` IS NOT NULL
    )
    AND (
      DATEDIFF(MICROSECOND, `t39`.`_f_a3`, `t39`.`ts`) <= 86400000000
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
          `t3`.`_f_entry`,
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
          IF(
            (
              `t3`.`_f_k` = 0
            ) AND (
              `t3`.`_f_entry` = 0
            ),
            `t3`.`ts`,
            CAST(NULL AS TIMESTAMP)
          ) AS `_f_a0`,
          CAST(NULL AS TIMESTAMP) AS `_f_a1`,
          CAST(NULL AS TIMESTAMP) AS `_f_a2`,
          CAST(NULL AS TIMESTAMP) AS `_f_a3`
        FROM `t2` AS `t3`
        WHERE
          `t3`.`_f_k` = 0 AND `t3`.`_f_entry` = 0
      ) AS `t11`
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          `t18`.`unit`,
          CAST(`t18`.`ts` AS TIMESTAMP) AS `ts`,
          `t18`.`_f_entry`,
          'add_to_cart' AS `_f_step`,
          CAST(NULL AS TIMESTAMP) AS `_f_a0`,
          `t18`.`_f_v` AS `_f_a1`,
          CAST(NULL AS TIMESTAMP) AS `_f_a2`,
          CAST(NULL AS TIMESTAMP) AS `_f_a3`
        FROM `t17` AS `t18`
      ) AS `t20`
    ) AS `t21`
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
          `t28`.`_f_entry`,
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
          `t36`.`_f_entry`,
          'order_completed' AS `_f_step`,
          CAST(NULL AS TIMESTAMP) AS `_f_a0`,
          CAST(NULL AS TIMESTAMP) AS `_f_a1`,
          CAST(NULL AS TIMESTAMP) AS `_f_a2`,
          `t36`.`_f_v` AS `_f_a3`
        FROM (
          SELECT
            `t35`.`unit`,
            `t35`.`_f_v`,
            MIN(`t35`.`_f_pos`) AS `_f_pos`,
            MIN(`t35`.`ts`) AS `ts`,
            MIN(`t35`.`_f_entry`) AS `_f_entry`
          FROM (
            SELECT
              `t34`.`unit`,
              `t34`.`_f_pos`,
              MAX(`t34`.`_f_w`) AS `_f_v`,
              MAX(`t34`.`ts`) AS `ts`,
              MAX(`t34`.`_f_entry`) AS `_f_entry`
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
                  `t32`.`_f_w`,
                  `t32`.`_f_p`
                FROM (
                  SELECT
                    *
                  FROM `t2` AS `t3`
                  WHERE
                    `t3`.`_f_k` = 3
                ) AS `t10`
                INNER JOIN (
                  SELECT
                    `t29`.`unit`,
                    `t29`.`_f_v` AS `_f_w`,
                    MIN(`t29`.`_f_pos`) AS `_f_p`
                  FROM (
                    SELECT
                      `t28`.`unit`,
                      `t28`.`_f_pos`,
                      `t28`.`_f_v`
                    FROM `t27` AS `t28`
                  ) AS `t29`
                  GROUP BY
                    1,
                    2
                ) AS `t32`
                  ON `t10`.`unit` = `t32`.`unit`
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
            2
        ) AS `t36`
      ) AS `t37`
    ) AS `t38`
  ) AS `t39`
)
SELECT
  CAST(CAST('1970-01-05T00:00:00' AS TIMESTAMP) AS TIMESTAMP) + CAST(CONCAT(`t49`.`_k` * 604800, ' seconds') AS INTERVAL) AS `period`,
  `t49`.`entered`,
  `t49`.`step_4_count` AS `converted`,
  `t49`.`step_4_count` / `t49`.`entered` AS `conversion`,
  `t49`.`step_1_count`,
  `t49`.`step_2_count`,
  `t49`.`step_3_count`,
  `t49`.`step_4_count`
FROM (
  SELECT
    `t48`.`_k`,
    COUNT(*) AS `entered`,
    SUM(`t48`.`_r1`) AS `step_1_count`,
    SUM(`t48`.`_r2`) AS `step_2_count`,
    SUM(`t48`.`_r3`) AS `step_3_count`,
    SUM(`t48`.`_r4`) AS `step_4_count`
  FROM (
    SELECT
      CAST(FLOOR(
        (
          DATEDIFF(
            MICROSECOND,
            CAST(CAST('1970-01-05T00:00:00' AS TIMESTAMP) AS TIMESTAMP),
            CASE
              WHEN (
                `t47`.`_f_entry` + 1
              ) = 1
              THEN `t47`.`_f_t0`
              WHEN (
                `t47`.`_f_entry` + 1
              ) = 2
              THEN `t47`.`_f_t1`
              WHEN (
                `t47`.`_f_entry` + 1
              ) = 3
              THEN `t47`.`_f_t2`
              WHEN (
                `t47`.`_f_entry` + 1
              ) = 4
              THEN `t47`.`_f_t3`
              ELSE NULL
            END
          )
        ) / (
          604800000000
        )
      ) AS BIGINT) AS `_k`,
      IF(`t47`.`_f_t0` IS NOT NULL, 1, 0) AS `_r1`,
      IF(`t47`.`_f_t1` IS NOT NULL, 1, 0) AS `_r2`,
      IF(`t47`.`_f_t2` IS NOT NULL, 1, 0) AS `_r3`,
      IF(`t47`.`_f_t3` IS NOT NULL, 1, 0) AS `_r4`
    FROM (
      SELECT
        `t46`.`unit`,
        MAX(`t46`.`_f_entry`) AS `_f_entry`,
        MAX(`t46`.`_f_t0`) AS `_f_t0`,
        MAX(
          IF(
            `t46`.`_f_v0` AND (
              `t46`.`ts` = `t46`.`_f_t0`
            ),
            `t46`.`_f_a0`,
            CAST(NULL AS TIMESTAMP)
          )
        ) AS `_f_s0`,
        MAX(`t46`.`_f_t1`) AS `_f_t1`,
        MAX(
          IF(
            `t46`.`_f_v1` AND (
              `t46`.`ts` = `t46`.`_f_t1`
            ),
            `t46`.`_f_a1`,
            CAST(NULL AS TIMESTAMP)
          )
        ) AS `_f_s1`,
        MAX(`t46`.`_f_t2`) AS `_f_t2`,
        MAX(
          IF(
            `t46`.`_f_v2` AND (
              `t46`.`ts` = `t46`.`_f_t2`
            ),
            `t46`.`_f_a2`,
            CAST(NULL AS TIMESTAMP)
          )
        ) AS `_f_s2`,
        MAX(`t46`.`_f_t3`) AS `_f_t3`,
        MAX(
          IF(
            `t46`.`_f_v3` AND (
              `t46`.`ts` = `t46`.`_f_t3`
            ),
            `t46`.`_f_a3`,
            CAST(NULL AS TIMESTAMP)
          )
        ) AS `_f_s3`
      FROM (
        SELECT
          `t45`.`unit`,
          `t45`.`ts`,
          `t45`.`_f_entry`,
          `t45`.`_f_step`,
          `t45`.`_f_a0`,
          `t45`.`_f_a1`,
          `t45`.`_f_a2`,
          `t45`.`_f_a3`,
          `t45`.`_f_v0`,
          `t45`.`_f_v1`,
          `t45`.`_f_v2`,
          `t45`.`_f_v3`,
          `t45`.`_f_t0`,
          `t45`.`_f_t1`,
          `t45`.`_f_t2`,
          `t45`.`_f_t3`
        FROM (
          SELECT
            `t42`.`unit`,
            `t42`.`ts`,
            `t42`.`_f_entry`,
            `t42`.`_f_step`,
            `t42`.`_f_a0`,
            `t42`.`_f_a1`,
            `t42`.`_f_a2`,
            `t42`.`_f_a3`,
            `t42`.`_f_v0`,
            `t42`.`_f_v1`,
            `t42`.`_f_v2`,
            `t42`.`_f_v3`,
            `t44`.`_f_unit`,
            `t44`.`_f_t0`,
            `t44`.`_f_t1`,
            `t44`.`_f_t2`,
            `t44`.`_f_t3`
          FROM `t40` AS `t42`
          INNER JOIN (
            SELECT
              `t41`.`unit` AS `_f_unit`,
              MIN(IF(`t41`.`_f_v0`, `t41`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t0`,
              MIN(IF(`t41`.`_f_v1`, `t41`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t1`,
              MIN(IF(`t41`.`_f_v2`, `t41`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t2`,
              MIN(IF(`t41`.`_f_v3`, `t41`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t3`
            FROM `t40` AS `t41`
            GROUP BY
              1
          ) AS `t44`
            ON `t42`.`unit` = `t44`.`_f_unit`
        ) AS `t45`
      ) AS `t46`
      GROUP BY
        1
    ) AS `t47`
    WHERE
      `t47`.`_f_t0` IS NOT NULL
  ) AS `t48`
  GROUP BY
    1
) AS `t49`
