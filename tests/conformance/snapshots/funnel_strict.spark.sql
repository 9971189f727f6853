WITH `t4` AS (
  SELECT
    `t3`.`unit`,
    `t3`.`ts`,
    `t3`.`seq`,
    `t3`.`label`,
    `t3`.`_f_step`,
    `t3`.`_f_entry`,
    `t3`.`_f_a0`,
    `t3`.`_f_a1`,
    `t3`.`_f_a2`,
    `t3`.`_f_a3`,
    `t3`.`_f_a0` IS NOT NULL AS `_f_v0`,
    `t3`.`_f_a1` IS NOT NULL AS `_f_v1`,
    `t3`.`_f_a2` IS NOT NULL AS `_f_v2`,
    `t3`.`_f_a3` IS NOT NULL AS `_f_v3`
  FROM (
    SELECT
      `t2`.`unit`,
      `t2`.`ts`,
      `t2`.`seq`,
      `t2`.`label`,
      `t2`.`_f_step`,
      `t2`.`_f_entry`,
      CASE
        WHEN (
          `t2`.`_f_step` = 'product_view'
        ) AND (
          `t2`.`_f_entry` = 0
        )
        THEN `t2`.`ts`
        ELSE CAST(NULL AS TIMESTAMP)
      END AS `_f_a0`,
      CASE
        WHEN (
          `t2`.`_f_step` = 'add_to_cart'
        )
        AND (
          `t2`.`_f_entry` = 0
        )
        AND (
          `t2`.`_f_l1` = 'product_view'
        )
        THEN `t2`.`_f_t1`
        ELSE CAST(NULL AS TIMESTAMP)
      END AS `_f_a1`,
      CASE
        WHEN (
          `t2`.`_f_step` = 'checkout_started'
        )
        AND (
          `t2`.`_f_entry` = 0
        )
        AND (
          `t2`.`_f_l1` = 'add_to_cart'
        )
        AND (
          `t2`.`_f_l2` = 'product_view'
        )
        THEN `t2`.`_f_t2`
        ELSE CAST(NULL AS TIMESTAMP)
      END AS `_f_a2`,
      CASE
        WHEN (
          `t2`.`_f_step` = 'order_completed'
        )
        AND (
          `t2`.`_f_entry` = 0
        )
        AND (
          `t2`.`_f_l1` = 'checkout_started'
        )
        AND (
          `t2`.`_f_l2` = 'add_to_cart'
        )
        AND (
          `t2`.`_f_l3` = 'product_view'
        )
        THEN `t2`.`_f_t3`
        ELSE CAST(NULL AS TIMESTAMP)
      END AS `_f_a3`
    FROM (
      SELECT
        `t1`.`unit`,
        `t1`.`ts`,
        `t1`.`seq`,
        `t1`.`label`,
        `t1`.`_f_step`,
        `t1`.`_f_entry`,
        LAG(`t1`.`_f_step`, 1) OVER (
          PARTITION BY `t1`.`unit`
          ORDER BY `t1`.`ts` ASC NULLS LAST, `t1`.`seq` ASC NULLS LAST, `t1`.`label` ASC NULLS LAST
        ) AS `_f_l1`,
        LAG(`t1`.`ts`, 1) OVER (
          PARTITION BY `t1`.`unit`
          ORDER BY `t1`.`ts` ASC NULLS LAST, `t1`.`seq` ASC NULLS LAST, `t1`.`label` ASC NULLS LAST
        ) AS `_f_t1`,
        LAG(`t1`.`_f_step`, 2) OVER (
          PARTITION BY `t1`.`unit`
          ORDER BY `t1`.`ts` ASC NULLS LAST, `t1`.`seq` ASC NULLS LAST, `t1`.`label` ASC NULLS LAST
        ) AS `_f_l2`,
        LAG(`t1`.`ts`, 2) OVER (
          PARTITION BY `t1`.`unit`
          ORDER BY `t1`.`ts` ASC NULLS LAST, `t1`.`seq` ASC NULLS LAST, `t1`.`label` ASC NULLS LAST
        ) AS `_f_t2`,
        LAG(`t1`.`_f_step`, 3) OVER (
          PARTITION BY `t1`.`unit`
          ORDER BY `t1`.`ts` ASC NULLS LAST, `t1`.`seq` ASC NULLS LAST, `t1`.`label` ASC NULLS LAST
        ) AS `_f_l3`,
        LAG(`t1`.`ts`, 3) OVER (
          PARTITION BY `t1`.`unit`
          ORDER BY `t1`.`ts` ASC NULLS LAST, `t1`.`seq` ASC NULLS LAST, `t1`.`label` ASC NULLS LAST
        ) AS `_f_t3`
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
      ) AS `t1`
    ) AS `t2`
    WHERE
      `t2`.`_f_step` IS NOT NULL
  ) AS `t3`
)
SELECT
  `t11`.`unit`,
  `t11`.`_f_entry` + 1 AS `entry`,
  CASE
    WHEN `t11`.`_f_t3` IS NOT NULL
    THEN 4
    WHEN `t11`.`_f_t2` IS NOT NULL
    THEN 3
    WHEN `t11`.`_f_t1` IS NOT NULL
    THEN 2
    WHEN `t11`.`_f_t0` IS NOT NULL
    THEN 1
    ELSE CAST(NULL AS BIGINT)
  END AS `reached`,
  `t11`.`_f_t0` AS `step_1_ts`,
  `t11`.`_f_t1` AS `step_2_ts`,
  `t11`.`_f_t2` AS `step_3_ts`,
  `t11`.`_f_t3` AS `step_4_ts`,
  IF(
    `t11`.`_f_entry` < 0,
    CAST(DATEDIFF(MICROSECOND, `t11`.`_f_s0`, `t11`.`_f_t0`) AS DOUBLE) / 1000000,
    CAST(NULL AS DOUBLE)
  ) AS `step_1_seconds`,
  IF(
    `t11`.`_f_entry` < 1,
    CAST(DATEDIFF(MICROSECOND, `t11`.`_f_s1`, `t11`.`_f_t1`) AS DOUBLE) / 1000000,
    CAST(NULL AS DOUBLE)
  ) AS `step_2_seconds`,
  IF(
    `t11`.`_f_entry` < 2,
    CAST(DATEDIFF(MICROSECOND, `t11`.`_f_s2`, `t11`.`_f_t2`) AS DOUBLE) / 1000000,
    CAST(NULL AS DOUBLE)
  ) AS `step_3_seconds`,
  IF(
    `t11`.`_f_entry` < 3,
    CAST(DATEDIFF(MICROSECOND, `t11`.`_f_s3`, `t11`.`_f_t3`) AS DOUBLE) / 1000000,
    CAST(NULL AS DOUBLE)
  ) AS `step_4_seconds`
FROM (
  SELECT
    `t10`.`unit`,
    MAX(`t10`.`_f_entry`) AS `_f_entry`,
    MAX(`t10`.`_f_t0`) AS `_f_t0`,
    MAX(
      IF(
        `t10`.`_f_v0` AND (
          `t10`.`ts` = `t10`.`_f_t0`
        ),
        `t10`.`_f_a0`,
        CAST(NULL AS TIMESTAMP)
      )
    ) AS `_f_s0`,
    MAX(`t10`.`_f_t1`) AS `_f_t1`,
    MAX(
      IF(
        `t10`.`_f_v1` AND (
          `t10`.`ts` = `t10`.`_f_t1`
        ),
        `t10`.`_f_a1`,
        CAST(NULL AS TIMESTAMP)
      )
    ) AS `_f_s1`,
    MAX(`t10`.`_f_t2`) AS `_f_t2`,
    MAX(
      IF(
        `t10`.`_f_v2` AND (
          `t10`.`ts` = `t10`.`_f_t2`
        ),
        `t10`.`_f_a2`,
        CAST(NULL AS TIMESTAMP)
      )
    ) AS `_f_s2`,
    MAX(`t10`.`_f_t3`) AS `_f_t3`,
    MAX(
      IF(
        `t10`.`_f_v3` AND (
          `t10`.`ts` = `t10`.`_f_t3`
        ),
        `t10`.`_f_a3`,
        CAST(NULL AS TIMESTAMP)
      )
    ) AS `_f_s3`
  FROM (
    SELECT
      `t9`.`unit`,
      `t9`.`ts`,
      `t9`.`seq`,
      `t9`.`label`,
      `t9`.`_f_step`,
      `t9`.`_f_entry`,
      `t9`.`_f_a0`,
      `t9`.`_f_a1`,
      `t9`.`_f_a2`,
      `t9`.`_f_a3`,
      `t9`.`_f_v0`,
      `t9`.`_f_v1`,
      `t9`.`_f_v2`,
      `t9`.`_f_v3`,
      `t9`.`_f_t0`,
      `t9`.`_f_t1`,
      `t9`.`_f_t2`,
      `t9`.`_f_t3`
    FROM (
      SELECT
        `t6`.`unit`,
        `t6`.`ts`,
        `t6`.`seq`,
        `t6`.`label`,
        `t6`.`_f_step`,
        `t6`.`_f_entry`,
        `t6`.`_f_a0`,
        `t6`.`_f_a1`,
        `t6`.`_f_a2`,
        `t6`.`_f_a3`,
        `t6`.`_f_v0`,
        `t6`.`_f_v1`,
        `t6`.`_f_v2`,
        `t6`.`_f_v3`,
        `t8`.`_f_unit`,
        `t8`.`_f_t0`,
        `t8`.`_f_t1`,
        `t8`.`_f_t2`,
        `t8`.`_f_t3`
      FROM `t4` AS `t6`
      INNER JOIN (
        SELECT
          `t5`.`unit` AS `_f_unit`,
          MIN(IF(`t5`.`_f_v0`, `t5`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t0`,
          MIN(IF(`t5`.`_f_v1`, `t5`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t1`,
          MIN(IF(`t5`.`_f_v2`, `t5`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t2`,
          MIN(IF(`t5`.`_f_v3`, `t5`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t3`
        FROM `t4` AS `t5`
        GROUP BY
          1
      ) AS `t8`
        ON `t6`.`unit` = `t8`.`_f_unit`
    ) AS `t9`
  ) AS `t10`
  GROUP BY
    1
) AS `t11`
WHERE
  `t11`.`_f_t0` IS NOT NULL
