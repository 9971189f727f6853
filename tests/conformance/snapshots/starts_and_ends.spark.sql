WITH `t2` AS (
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
), `t5` AS (
  SELECT
    `t3`.`unit`,
    MIN_BY(`t3`.`label`, `t3`.`position`) AS `_first`,
    MAX_BY(`t3`.`label`, `t3`.`position`) AS `_last`
  FROM `t2` AS `t3`
  GROUP BY
    1
)
SELECT
  *
FROM (
  SELECT
    `t6`.`label`,
    `t6`.`units`,
    COALESCE(`t13`.`_starts`, 0) AS `starts`,
    COALESCE(`t13`.`_ends`, 0) AS `ends`
  FROM (
    SELECT
      `t3`.`label`,
      COUNT(DISTINCT `t3`.`unit`) AS `units`
    FROM `t2` AS `t3`
    GROUP BY
      1
  ) AS `t6`
  LEFT OUTER JOIN (
    SELECT
      `t11`.`label` AS `_label`,
      `t11`.`_starts`,
      `t11`.`_ends`
    FROM (
      SELECT
        `t10`.`label`,
        SUM(`t10`.`_s`) AS `_starts`,
        SUM(`t10`.`_e`) AS `_ends`
      FROM (
        SELECT
          *
        FROM (
          SELECT
            `t7`.`_first` AS `label`,
            1 AS `_s`,
            0 AS `_e`
          FROM `t5` AS `t7`
        ) AS `t8`
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            `t7`.`_last` AS `label`,
            0 AS `_s`,
            1 AS `_e`
          FROM `t5` AS `t7`
        ) AS `t9`
      ) AS `t10`
      GROUP BY
        1
    ) AS `t11`
  ) AS `t13`
    ON `t6`.`label` = `t13`.`_label`
) AS `t14`
ORDER BY
  `t14`.`label` ASC NULLS LAST
