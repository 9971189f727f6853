WITH `t4` AS (
  SELECT
    `t3`.`unit`,
    `t3`.`ts`,
    `t3`.`seq`,
    `t3`.`label`,
    `t3`.`_f_step`,
    `t3`.`_f_entry`,
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
), `t15` AS (
  SELECT
    `t14`.`unit`,
    `t14`.`_f_pos`,
    MAX(`t14`.`_f_w`) AS `_f_v`,
    MAX(`t14`.`ts`) AS `ts`,
    MAX(`t14`.`_f_entry`) AS `_f_entry`
  FROM (
    SELECT
      *
    FROM (
      SELECT
        `t10`.`unit`,
        `t10`.`ts`,
        `t10`.`_f_entry`,
        `t10`.`_f_pos`,
        `t10`.`_f_k`,
        `t9`.`_f_p`,
        `t9`.`_f_w`
      FROM (
        SELECT
          `t5`.`unit`,
          `t5`.`ts`,
          `t5`.`_f_entry`,
          `t5`.`_f_pos`,
          `t5`.`_f_k`
        FROM `t4` AS `t5`
        WHERE
          `t5`.`_f_k` = 1
      ) AS `t10`
      INNER JOIN (
        SELECT
          `t5`.`unit`,
          `t5`.`_f_pos` AS `_f_p`,
          `t5`.`ts` AS `_f_w`
        FROM `t4` AS `t5`
        WHERE
          `t5`.`_f_k` = 0 AND `t5`.`_f_entry` = 0
      ) AS `t9`
        ON `t10`.`unit` = `t9`.`unit`
    ) AS `t13`
    WHERE
      `t13`.`_f_p` < `t13`.`_f_pos`
  ) AS `t14`
  GROUP BY
    1,
    2
), `t26` AS (
  SELECT
    `t25`.`unit`,
    `t25`.`ts`,
    `t25`.`_f_entry`,
    `t25`.`_f_step`,
    `t25`.`_f_a0`,
    `t25`.`_f_a1`,
    `t25`.`_f_a2`,
    `t25`.`_f_a0` IS NOT NULL AS `_f_v0`,
    `t25`.`_f_a1` IS NOT NULL AS `_f_v1`,
    `t25`.`_f_a2` IS NOT NULL AS `_f_v2`
  FROM (
    SELECT
      *
    FROM (
      SELECT
        `t23`.`unit`,
        CAST(`t23`.`ts` AS TIMESTAMP) AS `ts`,
        `t23`.`_f_entry`,
        'order' AS `_f_step`,
        CAST(NULL AS TIMESTAMP) AS `_f_a0`,
        CAST(NULL AS TIMESTAMP) AS `_f_a1`,
        `t23`.`_f_v` AS `_f_a2`
      FROM (
        SELECT
          `t22`.`unit`,
          `t22`.`_f_pos`,
          MAX(`t22`.`_f_w`) AS `_f_v`,
          MAX(`t22`.`ts`) AS `ts`,
          MAX(`t22`.`_f_entry`) AS `_f_entry`
        FROM (
          SELECT
            *
          FROM (
            SELECT
              `t11`.`unit`,
              `t11`.`ts`,
              `t11`.`_f_entry`,
              `t11`.`_f_pos`,
              `t11`.`_f_k`,
              `t19`.`_f_p`,
              `t19`.`_f_w`
            FROM (
              SELECT
                `t5`.`unit`,
                `t5`.`ts`,
                `t5`.`_f_entry`,
                `t5`.`_f_pos`,
                `t5`.`_f_k`
              FROM `t4` AS `t5`
              WHERE
                `t5`.`_f_k` = 2
            ) AS `t11`
            INNER JOIN (
              SELECT
                `t16`.`unit`,
                `t16`.`_f_pos` AS `_f_p`,
                `t16`.`_f_v` AS `_f_w`
              FROM `t15` AS `t16`
            ) AS `t19`
              ON `t11`.`unit` = `t19`.`unit`
          ) AS `t21`
          WHERE
            `t21`.`_f_p` < `t21`.`_f_pos`
        ) AS `t22`
        GROUP BY
          1,
          2
      ) AS `t23`
    ) AS `t24`
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
          `t5`.`_f_entry`,
          CASE
            WHEN `t5`.`_f_k` = 0
            THEN 'ad'
            WHEN `t5`.`_f_k` = 1
            THEN 'product'
            WHEN `t5`.`_f_k` = 2
            THEN 'order'
            ELSE NULL
          END AS `_f_step`,
          IF(
            (
              `t5`.`_f_k` = 0
            ) AND (
              `t5`.`_f_entry` = 0
            ),
            `t5`.`ts`,
            CAST(NULL AS TIMESTAMP)
          ) AS `_f_a0`,
          CAST(NULL AS TIMESTAMP) AS `_f_a1`,
          CAST(NULL AS TIMESTAMP) AS `_f_a2`
        FROM `t4` AS `t5`
        WHERE
          `t5`.`_f_k` = 0 AND `t5`.`_f_entry` = 0
      ) AS `t12`
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          `t16`.`unit`,
          CAST(`t16`.`ts` AS TIMESTAMP) AS `ts`,
          `t16`.`_f_entry`,
          'product' AS `_f_step`,
          CAST(NULL AS TIMESTAMP) AS `_f_a0`,
          `t16`.`_f_v` AS `_f_a1`,
          CAST(NULL AS TIMESTAMP) AS `_f_a2`
        FROM `t15` AS `t16`
      ) AS `t18`
    ) AS `t20`
  ) AS `t25`
)
SELECT
  COUNT(*) AS `units`,
  COALESCE(SUM(COALESCE(`t39`.`_converted`, 0)), 0) AS `converted`
FROM (
  SELECT
    `t35`.`unit`,
    `t35`.`started`,
    `t35`.`completed`,
    `t38`.`_unit`,
    `t38`.`_converted`
  FROM (
    SELECT
      `t33`.`unit`,
      `t33`.`_f_t0` AS `started`,
      `t33`.`_f_t2` AS `completed`
    FROM (
      SELECT
        `t32`.`unit`,
        MAX(`t32`.`_f_entry`) AS `_f_entry`,
        MAX(`t32`.`_f_t0`) AS `_f_t0`,
        MAX(
          IF(
            `t32`.`_f_v0` AND (
              `t32`.`ts` = `t32`.`_f_t0`
            ),
            `t32`.`_f_a0`,
            CAST(NULL AS TIMESTAMP)
          )
        ) AS `_f_s0`,
        MAX(`t32`.`_f_t1`) AS `_f_t1`,
        MAX(
          IF(
            `t32`.`_f_v1` AND (
              `t32`.`ts` = `t32`.`_f_t1`
            ),
            `t32`.`_f_a1`,
            CAST(NULL AS TIMESTAMP)
          )
        ) AS `_f_s1`,
        MAX(`t32`.`_f_t2`) AS `_f_t2`,
        MAX(
          IF(
            `t32`.`_f_v2` AND (
              `t32`.`ts` = `t32`.`_f_t2`
            ),
            `t32`.`_f_a2`,
            CAST(NULL AS TIMESTAMP)
          )
        ) AS `_f_s2`
      FROM (
        SELECT
          `t31`.`unit`,
          `t31`.`ts`,
          `t31`.`_f_entry`,
          `t31`.`_f_step`,
          `t31`.`_f_a0`,
          `t31`.`_f_a1`,
          `t31`.`_f_a2`,
          `t31`.`_f_v0`,
          `t31`.`_f_v1`,
          `t31`.`_f_v2`,
          `t31`.`_f_t0`,
          `t31`.`_f_t1`,
          `t31`.`_f_t2`
        FROM (
          SELECT
            `t28`.`unit`,
            `t28`.`ts`,
            `t28`.`_f_entry`,
            `t28`.`_f_step`,
            `t28`.`_f_a0`,
            `t28`.`_f_a1`,
            `t28`.`_f_a2`,
            `t28`.`_f_v0`,
            `t28`.`_f_v1`,
            `t28`.`_f_v2`,
            `t30`.`_f_unit`,
            `t30`.`_f_t0`,
            `t30`.`_f_t1`,
            `t30`.`_f_t2`
          FROM `t26` AS `t28`
          INNER JOIN (
            SELECT
              `t27`.`unit` AS `_f_unit`,
              MIN(IF(`t27`.`_f_v0`, `t27`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t0`,
              MIN(IF(`t27`.`_f_v1`, `t27`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t1`,
              MIN(IF(`t27`.`_f_v2`, `t27`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t2`
            FROM `t26` AS `t27`
            GROUP BY
              1
          ) AS `t30`
            ON `t28`.`unit` = `t30`.`_f_unit`
        ) AS `t31`
      ) AS `t32`
      GROUP BY
        1
    ) AS `t33`
    WHERE
      `t33`.`_f_t0` IS NOT NULL
      AND CASE
        WHEN `t33`.`_f_t2` IS NOT NULL
        THEN 3
        WHEN `t33`.`_f_t1` IS NOT NULL
        THEN 2
        WHEN `t33`.`_f_t0` IS NOT NULL
        THEN 1
        ELSE CAST(NULL AS BIGINT)
      END = 3
  ) AS `t35`
  LEFT OUTER JOIN (
    SELECT DISTINCT
      `t36`.`unit` AS `_unit`,
      1 AS `_converted`
    FROM (
      SELECT
        `t35`.`unit`,
        `t35`.`started`,
        `t35`.`completed`,
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
          `t33`.`unit`,
          `t33`.`_f_t0` AS `started`,
          `t33`.`_f_t2` AS `completed`
        FROM (
          SELECT
            `t32`.`unit`,
            MAX(`t32`.`_f_entry`) AS `_f_entry`,
            MAX(`t32`.`_f_t0`) AS `_f_t0`,
            MAX(
              IF(
                `t32`.`_f_v0` AND (
                  `t32`.`ts` = `t32`.`_f_t0`
                ),
                `t32`.`_f_a0`,
                CAST(NULL AS TIMESTAMP)
              )
            ) AS `_f_s0`,
            MAX(`t32`.`_f_t1`) AS `_f_t1`,
            MAX(
              IF(
                `t32`.`_f_v1` AND (
                  `t32`.`ts` = `t32`.`_f_t1`
                ),
                `t32`.`_f_a1`,
                CAST(NULL AS TIMESTAMP)
              )
            ) AS `_f_s1`,
            MAX(`t32`.`_f_t2`) AS `_f_t2`,
            MAX(
              IF(
                `t32`.`_f_v2` AND (
                  `t32`.`ts` = `t32`.`_f_t2`
                ),
                `t32`.`_f_a2`,
                CAST(NULL AS TIMESTAMP)
              )
            ) AS `_f_s2`
          FROM (
            SELECT
              `t31`.`unit`,
              `t31`.`ts`,
              `t31`.`_f_entry`,
              `t31`.`_f_step`,
              `t31`.`_f_a0`,
              `t31`.`_f_a1`,
              `t31`.`_f_a2`,
              `t31`.`_f_v0`,
              `t31`.`_f_v1`,
              `t31`.`_f_v2`,
              `t31`.`_f_t0`,
              `t31`.`_f_t1`,
              `t31`.`_f_t2`
            FROM (
              SELECT
                `t28`.`unit`,
                `t28`.`ts`,
                `t28`.`_f_entry`,
                `t28`.`_f_step`,
                `t28`.`_f_a0`,
                `t28`.`_f_a1`,
                `t28`.`_f_a2`,
                `t28`.`_f_v0`,
                `t28`.`_f_v1`,
                `t28`.`_f_v2`,
                `t30`.`_f_unit`,
                `t30`.`_f_t0`,
                `t30`.`_f_t1`,
                `t30`.`_f_t2`
              FROM `t26` AS `t28`
              INNER JOIN (
                SELECT
                  `t27`.`unit` AS `_f_unit`,
                  MIN(IF(`t27`.`_f_v0`, `t27`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t0`,
                  MIN(IF(`t27`.`_f_v1`, `t27`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t1`,
                  MIN(IF(`t27`.`_f_v2`, `t27`.`ts`, CAST(NULL AS TIMESTAMP))) AS `_f_t2`
                FROM `t26` AS `t27`
                GROUP BY
                  1
              ) AS `t30`
                ON `t28`.`unit` = `t30`.`_f_unit`
            ) AS `t31`
          ) AS `t32`
          GROUP BY
            1
        ) AS `t33`
        WHERE
          `t33`.`_f_t0` IS NOT NULL
          AND CASE
            WHEN `t33`.`_f_t2` IS NOT NULL
            THEN 3
            WHEN `t33`.`_f_t1` IS NOT NULL
            THEN 2
            WHEN `t33`.`_f_t0` IS NOT NULL
            THEN 1
            ELSE CAST(NULL AS BIGINT)
          END = 3
      ) AS `t35`
      INNER JOIN (
        SELECT
          *
        FROM `journey_events` AS `t0`
        WHERE
          `t0`.`label` = 'order'
      ) AS `t2`
        ON `t35`.`unit` = `t2`.`unit`
    ) AS `t36`
    WHERE
      `t36`.`ts` >= `t36`.`completed`
  ) AS `t38`
    ON `t35`.`unit` = `t38`.`_unit`
) AS `t39`
