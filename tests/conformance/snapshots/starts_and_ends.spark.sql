WITH `t3` AS (
  SELECT
    `t2`.`unit`,
    MIN_BY(`t2`.`label`, `t2`.`position`) AS `_first`,
    MAX_BY(`t2`.`label`, `t2`.`position`) AS `_last`
  FROM (
    SELECT
      `t1`.`unit`,
      `t1`.`person`,
      `t1`.`ts`,
      `t1`.`seq`,
      `t1`.`label`,
      `t1`.`event`,
      `t1`.`channel`,
      `t1`.`value`,
      `t1`.`properties`,
      (
        ROW_NUMBER() OVER (
          PARTITION BY `t1`.`unit`
          ORDER BY `t1`.`ts` ASC NULLS LAST, `t1`.`seq` ASC NULLS LAST, `t1`.`label` ASC NULLS LAST
        ) - 1
      ) + 1 AS `position`
    FROM (
      SELECT
        `t0`.`unit`,
        `t0`.`person`,
        `t0`.`ts`,
        `t0`.`seq`,
        COALESCE(`t0`.`label`, '(unmapped)') AS `label`,
        `t0`.`event`,
        `t0`.`channel`,
        `t0`.`value`,
        `t0`.`properties`
      FROM `journey_events` AS `t0`
      WHERE
        `t0`.`unit` IS NOT NULL
    ) AS `t1`
  ) AS `t2`
  GROUP BY
    1
)
SELECT
  *
FROM (
  SELECT
    `t7`.`label`,
    SUM(`t7`.`_s`) AS `starts`,
    SUM(`t7`.`_e`) AS `ends`
  FROM (
    SELECT
      *
    FROM (
      SELECT
        `t4`.`_first` AS `label`,
        1 AS `_s`,
        0 AS `_e`
      FROM `t3` AS `t4`
    ) AS `t5`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        `t4`.`_last` AS `label`,
        0 AS `_s`,
        1 AS `_e`
      FROM `t3` AS `t4`
    ) AS `t6`
  ) AS `t7`
  GROUP BY
    1
) AS `t8`
ORDER BY
  `t8`.`label` ASC NULLS LAST
