-- Stations, fibre and fixed broadband per operator and month, city-wide (ward ALL).
SELECT month,
       operator,
       bts_4g,
       bts_5g,
       fiber_km,
       fixed_broadband_subscriptions
FROM telecom_cube
WHERE ward_code = 'ALL' AND operator <> 'ALL'
ORDER BY month, operator;
