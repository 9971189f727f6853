WITH `t1` AS (
  SELECT
    `t0`.`unit`,
    `t0`.`person`,
    `t0`.`ts`,
    `t0`.`seq`,
    `t0`.`label`,
    `t0`.`event`,
    `t0`.`channel`,
    `t0`.`value`,
    `t0`.`properties`,
    `t0`.`label` IN ('order_completed') AS `converts`
  FROM `journey_events` AS `t0`
  WHERE
    `t0`.`label` IS NOT NULL AND `t0`.`person` IS NOT NULL
), `t17` AS (
  SELECT
    `t14`.`person`,
    `t14`.`label`,
    `t14`.`_run`,
    LEAD(`t14`.`label`) OVER (PARTITION BY `t14`.`person` ORDER BY `t14`.`_run` ASC NULLS LAST) AS `_next`,
    MAX(`t14`.`_run`) OVER (
      PARTITION BY `t14`.`person`
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS `_last`
  FROM (
    SELECT
      `t12`.`person`,
      `t12`.`label`,
      `t12`.`_run`
    FROM (
      SELECT
        `t11`.`unit`,
        `t11`.`person`,
        `t11`.`ts`,
        `t11`.`seq`,
        `t11`.`label`,
        `t11`.`event`,
        `t11`.`channel`,
        `t11`.`value`,
        `t11`.`properties`,
        `t11`.`converts`,
        `t11`.`_i`,
        `t11`.`_before`,
        `t11`.`_start`,
        SUM(`t11`.`_start`) OVER (
          PARTITION BY `t11`.`person`
          ORDER BY `t11`.`ts` ASC NULLS LAST, `t11`.`seq` ASC NULLS LAST, `t11`.`label` ASC NULLS LAST
          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) AS `_run`
      FROM (
        SELECT
          `t6`.`unit`,
          `t6`.`person`,
          `t6`.`ts`,
          `t6`.`seq`,
          `t6`.`label`,
          `t6`.`event`,
          `t6`.`channel`,
          `t6`.`value`,
          `t6`.`properties`,
          `t6`.`converts`,
          `t6`.`_i`,
          `t6`.`_before`,
          IF((
            `t6`.`_i` = 0
          ) OR (
            `t6`.`label` <> `t6`.`_before`
          ), 1, 0) AS `_start`
        FROM (
          SELECT
            `t3`.`unit`,
            `t3`.`person`,
            `t3`.`ts`,
            `t3`.`seq`,
            `t3`.`label`,
            `t3`.`event`,
            `t3`.`channel`,
            `t3`.`value`,
            `t3`.`properties`,
            `t3`.`converts`,
            ROW_NUMBER() OVER (
              PARTITION BY `t3`.`person`
              ORDER BY `t3`.`ts` ASC NULLS LAST, `t3`.`seq` ASC NULLS LAST, `t3`.`label` ASC NULLS LAST
            ) - 1 AS `_i`,
            LAG(`t3`.`label`) OVER (
              PARTITION BY `t3`.`person`
              ORDER BY `t3`.`ts` ASC NULLS LAST, `t3`.`seq` ASC NULLS LAST, `t3`.`label` ASC NULLS LAST
            ) AS `_before`
          FROM `t1` AS `t3`
        ) AS `t6`
      ) AS `t11`
    ) AS `t12`
    WHERE
      `t12`.`_start` = 1
  ) AS `t14`
)
SELECT
  `t24`.`label`,
  `t24`.`next`,
  COUNT(*) AS `people`
FROM (
  SELECT
    `t16`.`_l_label` AS `label`,
    `t23`.`next`
  FROM (
    SELECT
      `t13`.`person` AS `_l_person`,
      `t13`.`label` AS `_l_label`
    FROM (
      SELECT
        `t10`.`person`,
        `t10`.`label`,
        `t10`.`_ts`,
        `t10`.`_seq`,
        NOT (
          COALESCE(
            (
              `t9`.`_c_ts` > `t10`.`_ts`
            )
            OR (
              (
                `t9`.`_c_ts` = `t10`.`_ts`
              ) AND (
                `t9`.`_c_seq` >= `t10`.`_seq`
              )
            ),
            FALSE
          )
        ) AS `lost`
      FROM (
        SELECT
          `t5`.`person`,
          `t5`.`label`,
          `t5`.`ts` AS `_ts`,
          `t5`.`seq` AS `_seq`
        FROM (
          SELECT
            `t3`.`unit`,
            `t3`.`person`,
            `t3`.`ts`,
            `t3`.`seq`,
            `t3`.`label`,
            `t3`.`event`,
            `t3`.`channel`,
            `t3`.`value`,
            `t3`.`properties`,
            `t3`.`converts`,
            ROW_NUMBER() OVER (
              PARTITION BY `t3`.`person`, `t3`.`label`
              ORDER BY `t3`.`ts` ASC NULLS LAST, `t3`.`seq` ASC NULLS LAST
            ) - 1 AS `_rank`
          FROM `t1` AS `t3`
        ) AS `t5`
        WHERE
          `t5`.`_rank` = 0
      ) AS `t10`
      LEFT OUTER JOIN (
        SELECT
          `t4`.`person` AS `_p`,
          `t4`.`ts` AS `_c_ts`,
          `t4`.`seq` AS `_c_seq`
        FROM (
          SELECT
            `t2`.`unit`,
            `t2`.`person`,
            `t2`.`ts`,
            `t2`.`seq`,
            `t2`.`label`,
            `t2`.`event`,
            `t2`.`channel`,
            `t2`.`value`,
            `t2`.`properties`,
            `t2`.`converts`,
            ROW_NUMBER() OVER (PARTITION BY `t2`.`person` ORDER BY `t2`.`ts` DESC, `t2`.`seq` DESC) - 1 AS `_rank`
          FROM (
            SELECT
              `t0`.`unit`,
              `t0`.`person`,
              `t0`.`ts`,
              `t0`.`seq`,
              `t0`.`label`,
              `t0`.`event`,
              `t0`.`channel`,
              `t0`.`value`,
              `t0`.`properties`,
              `t0`.`label` IN ('order_completed') AS `converts`
            FROM `journey_events` AS `t0`
            WHERE
              `t0`.`label` IS NOT NULL
              AND `t0`.`person` IS NOT NULL
              AND `t0`.`label` IN ('order_completed')
          ) AS `t2`
        ) AS `t4`
        WHERE
          `t4`.`_rank` = 0
      ) AS `t9`
        ON `t10`.`person` = `t9`.`_p`
    ) AS `t13`
    WHERE
      `t13`.`lost`
  ) AS `t16`
  INNER JOIN (
    SELECT
      `t21`.`person` AS `_f_person`,
      `t21`.`label` AS `_f_label`,
      IF(`t21`.`_run` = `t19`.`_last`, '(end)', `t19`.`_next`) AS `next`
    FROM (
      SELECT
        `t18`.`person`,
        `t18`.`label`,
        MIN(`t18`.`_run`) AS `_run`
      FROM `t17` AS `t18`
      GROUP BY
        1,
        2
    ) AS `t21`
    INNER JOIN `t17` AS `t19`
      ON `t21`.`person` = `t19`.`person`
      AND `t21`.`label` = `t19`.`label`
      AND `t21`.`_run` = `t19`.`_run`
  ) AS `t23`
    ON `t16`.`_l_person` = `t23`.`_f_person` AND `t16`.`_l_label` = `t23`.`_f_label`
) AS `t24`
GROUP BY
  1,
  2
