SELECT
  `t5`.`unit`,
  `t5`.`_f_entry` + 1 AS `entry`,
  CASE
    WHEN `t5`.`_f_t3` IS NOT NULL
    THEN 4
    WHEN `t5`.`_f_t2` IS NOT NULL
    THEN 3
    WHEN `t5`.`_f_t1` IS NOT NULL
    THEN 2
    WHEN `t5`.`_f_t0` IS NOT NULL
    THEN 1
    ELSE CAST(NULL AS BIGINT)
  END AS `reached`,
  `t5`.`_f_t0` AS `step_1_ts`,
  `t5`.`_f_t1` AS `step_2_ts`,
  `t5`.`_f_t2` AS `step_3_ts`,
  `t5`.`_f_t3` AS `step_4_ts`,
  IF(
    `t5`.`_f_entry` < 0,
    CAST(DATEDIFF(MICROSECOND, `t5`.`_f_s0`, `t5`.`_f_t0`) AS DOUBLE) / 1000000,
    CAST(NULL AS DOUBLE)
  ) AS `step_1_seconds`,
  IF(
    `t5`.`_f_entry` < 1,
    CAST(DATEDIFF(MICROSECOND, `t5`.`_f_s1`, `t5`.`_f_t1`) AS DOUBLE) / 1000000,
    CAST(NULL AS DOUBLE)
  ) AS `step_2_seconds`,
  IF(
    `t5`.`_f_entry` < 2,
    CAST(DATEDIFF(MICROSECOND, `t5`.`_f_s2`, `t5`.`_f_t2`) AS DOUBLE) / 1000000,
    CAST(NULL AS DOUBLE)
  ) AS `step_3_seconds`,
  IF(
    `t5`.`_f_entry` < 3,
    CAST(DATEDIFF(MICROSECOND, `t5`.`_f_s3`, `t5`.`_f_t3`) AS DOUBLE) / 1000000,
    CAST(NULL AS DOUBLE)
  ) AS `step_4_seconds`
FROM (
  SELECT
    `t4`.`unit`,
    MAX(`t4`.`_f_entry`) AS `_f_entry`,
    MIN(IF(`t4`.`_f_v0`, `t4`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t0`,
    MIN_BY(IF(`t4`.`_f_v0`, `t4`.`_f_a0`, NULL), IF(`t4`.`_f_v0`, `t4`.`_f_pos`, NULL)) AS `_f_s0`,
    MIN(IF(`t4`.`_f_v1`, `t4`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t1`,
    MIN_BY(IF(`t4`.`_f_v1`, `t4`.`_f_a1`, NULL), IF(`t4`.`_f_v1`, `t4`.`_f_pos`, NULL)) AS `_f_s1`,
    MIN(IF(`t4`.`_f_v2`, `t4`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t2`,
    MIN_BY(IF(`t4`.`_f_v2`, `t4`.`_f_a2`, NULL), IF(`t4`.`_f_v2`, `t4`.`_f_pos`, NULL)) AS `_f_s2`,
    MIN(IF(`t4`.`_f_v3`, `t4`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t3`,
    MIN_BY(IF(`t4`.`_f_v3`, `t4`.`_f_a3`, NULL), IF(`t4`.`_f_v3`, `t4`.`_f_pos`, NULL)) AS `_f_s3`
  FROM (
    SELECT
      `t3`.`unit`,
      `t3`.`ts`,
      `t3`.`seq`,
      `t3`.`label`,
      `t3`.`_f_step`,
      `t3`.`_f_entry`,
      `t3`.`_f_pos`,
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
        `t2`.`_f_pos`,
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
          ROW_NUMBER() OVER (
            PARTITION BY `t1`.`unit`
            ORDER BY `t1`.`ts` ASC NULLS LAST, `t1`.`seq` ASC NULLS LAST, `t1`.`label` ASC NULLS LAST
          ) - 1 AS `_f_pos`,
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
  ) AS `t4`
  GROUP BY
    1
) AS `t5`
WHERE
  `t5`.`_f_t0` IS NOT NULL
